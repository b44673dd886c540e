"use client";
/**
 * The task list's window virtualiser: TanStack Virtual's useWindowVirtualizer (the same options,
 * the same re-render rules), with the library (about 10 kB gzipped) kept out of the Tasks page's
 * first-load JS. Its chunk is requested as soon as this module runs in the browser, so it loads
 * alongside the list's first page of data and is almost always there before the rows are.
 *
 * Until it is, the hook returns null and the list renders every row it has in normal flow (the
 * same elements with the same keys); when it arrives the rows stay mounted and are only
 * positioned, so focus, hover and the roving tab stop are kept. A failed load is tried again
 * when the browser is back online (the rows stay usable meanwhile).
 */
import { startTransition, useEffect, useLayoutEffect, useReducer, useState } from "react";
import { flushSync } from "react-dom";
import type { Virtualizer, VirtualizerOptions } from "@tanstack/react-virtual";

type Library = typeof import("@tanstack/react-virtual");
export type WindowVirtualizer = Virtualizer<Window, Element>;
export type WindowVirtualizerOptions = Pick<
  VirtualizerOptions<Window, Element>,
  "count" | "estimateSize" | "overscan" | "scrollMargin" | "getItemKey"
>;

let library: Library | null = null;
let loading: Promise<Library> | null = null;

/** The library, loaded once (again after a failure). */
export function loadVirtualizer(): Promise<Library> {
  loading ??= import("@tanstack/react-virtual").then(
    (module) => (library = module),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

if (typeof window !== "undefined") loadVirtualizer().catch(() => {});

const useIsomorphicLayoutEffect = typeof document !== "undefined" ? useLayoutEffect : useEffect;

interface Loaded {
  lib: Library;
  instance: WindowVirtualizer;
  onChange: (instance: WindowVirtualizer, sync: boolean) => void;
  observeOffset: Library["observeWindowOffset"];
}

function create(lib: Library, rerender: () => void): Loaded {
  const instance = new lib.Virtualizer<Window, Element>({
    count: 0,
    estimateSize: () => 0,
    getScrollElement: () => null,
    observeElementRect: lib.observeWindowRect,
    observeElementOffset: lib.observeWindowOffset,
    scrollToFn: lib.windowScroll,
  });
  // A change re-renders at once (flushSync) when the virtualiser asks, as the library's hook does,
  // except for a size measured from the rows' ref callback (React is committing already) and for
  // a scroll: the rows that come into view render in a transition, in slices between frames (the
  // library's useFlushSync: false, made interruptible). Rendering them inside the scroll event
  // made one long task of each scroll step (20 new rows: 50–230 ms with 2,000 tasks, h141); the
  // overscan covers the frame or two they take. Programmatic scrolls come back as scroll events
  // too: focusing a row waits for it (task-list.tsx).
  let measuring = false;
  let scrolling = false;
  const measureElement = instance.measureElement;
  instance.measureElement = (node) => {
    measuring = true;
    try {
      measureElement(node);
    } finally {
      measuring = false;
    }
  };
  const observeOffset: Loaded["observeOffset"] = (virtualizer, callback) =>
    lib.observeWindowOffset(virtualizer, (offset, isScrolling) => {
      scrolling = true;
      try {
        callback(offset, isScrolling);
      } finally {
        scrolling = false;
      }
    });
  const onChange = (_: WindowVirtualizer, sync: boolean) => {
    if (scrolling) startTransition(rerender);
    else if (sync && !measuring) flushSync(rerender);
    else rerender();
  };
  return { lib, instance, onChange, observeOffset };
}

export function useWindowVirtualizer(options: WindowVirtualizerOptions): WindowVirtualizer | null {
  const rerender = useReducer((x: number) => x + 1, 0)[1];
  const [loaded, setLoaded] = useState(() => (library ? create(library, rerender) : null));

  useEffect(() => {
    if (loaded) return;
    let live = true;
    const load = () =>
      loadVirtualizer().then(
        (lib) => {
          if (live) setLoaded(create(lib, rerender));
        },
        () => {},
      );
    void load();
    window.addEventListener("online", load);
    return () => {
      live = false;
      window.removeEventListener("online", load);
    };
  }, [loaded, rerender]);

  const instance = loaded?.instance ?? null;
  if (loaded) {
    const { lib, onChange, observeOffset } = loaded;
    loaded.instance.setOptions({
      getScrollElement: () => (typeof document !== "undefined" ? window : null),
      observeElementRect: lib.observeWindowRect,
      observeElementOffset: observeOffset,
      scrollToFn: lib.windowScroll,
      initialOffset: () => (typeof document !== "undefined" ? window.scrollY : 0),
      // The window's size from the first render on (the library's hook learns it in a layout
      // effect, after a first render with no rows): the rows already on the page stay mounted.
      initialRect: typeof window !== "undefined" ? { width: window.innerWidth, height: window.innerHeight } : undefined,
      ...options,
      onChange,
    });
  }

  useIsomorphicLayoutEffect(() => instance?._didMount(), [instance]);
  useIsomorphicLayoutEffect(() => instance?._willUpdate());

  return instance;
}
