"use client";
/**
 * While a modal is open, everything on the page outside it is `inert` and `aria-hidden`: a
 * screen reader's virtual cursor and swipe navigation (which a Tab trap does not stop) reach only
 * the modal, and nothing behind it takes focus or clicks. `aria-hidden` as well for browsers and
 * screen readers that do not honour `inert` yet.
 *
 * What is hidden: every element beside the path from <body> down to each of `keep` (the modal
 * and, say, its backdrop), so the modal may sit anywhere (a portal in <body> or deep in the page).
 * Left alone: `keep` and what is inside; elements marked `data-above-modals` (the toasts, which
 * sit above a modal and announce what it did: an element holding one is hidden but for it); and
 * elements already inert or aria-hidden (they stay as they were). Elements added to <body> while
 * it is active are hidden too. Everything is put back as it was when `active` turns false or the
 * component unmounts.
 */
import { useEffect, type RefObject } from "react";

const UNRENDERED = new Set(["SCRIPT", "STYLE", "LINK", "META", "TEMPLATE", "NOSCRIPT"]);

export function useInertOutside(active: boolean, keep: ReadonlyArray<RefObject<HTMLElement | null>>): void {
  useEffect(() => {
    if (!active) return;
    const kept = keep.map((ref) => ref.current).filter((element): element is HTMLElement => element !== null);
    if (kept.length === 0) return;
    // The kept elements and their ancestors up to <body>: their siblings are what gets hidden.
    const path = new Set<Element>();
    for (const element of kept) {
      for (let node: Element | null = element; node && node !== document.documentElement; node = node.parentElement)
        path.add(node);
    }
    const hidden: Element[] = [];
    const hide = (element: Element) => {
      if (path.has(element) || UNRENDERED.has(element.tagName)) return;
      if (element.hasAttribute("data-above-modals")) return;
      if (element.hasAttribute("inert") || element.getAttribute("aria-hidden") === "true") return;
      if (element.querySelector("[data-above-modals]")) {
        for (const child of element.children) hide(child); // all of it but the toasts
        return;
      }
      element.setAttribute("inert", "");
      element.setAttribute("aria-hidden", "true");
      hidden.push(element);
    };
    for (const node of path) {
      if (kept.includes(node as HTMLElement)) continue;
      for (const child of node.children) hide(child);
    }
    // A portal or other element added to <body> while the modal is open is behind it too.
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const added of record.addedNodes) if (added instanceof Element) hide(added);
    });
    observer.observe(document.body, { childList: true });
    return () => {
      observer.disconnect();
      for (const element of hidden) {
        element.removeAttribute("inert");
        element.removeAttribute("aria-hidden");
      }
    };
    // The refs are stable objects, read when the modal opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);
}
