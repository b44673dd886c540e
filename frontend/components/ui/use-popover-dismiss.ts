"use client";

import { useCallback, useEffect, type FocusEvent, type RefObject } from "react";

/**
 * Closes an open popover (menu, filter panel, notification list) on a pointer press
 * outside `inside` (the elements that belong to it: its trigger and its panel) or on
 * Escape, which also gives the focus back to the trigger.
 */
export function usePopoverDismiss(
  open: boolean,
  close: () => void,
  inside: RefObject<HTMLElement | null>[],
  trigger: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!inside.some((ref) => ref.current?.contains(target))) close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      close();
      trigger.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
    // The refs are stable objects; `close` is expected to be a stable setter call.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
}

/** A popover's onBlur: focus gone outside `root` (Tab / Shift+Tab out of it) closes it. */
export function useCloseOnFocusOut(
  open: boolean,
  root: RefObject<HTMLElement | null>,
  setOpen: (open: boolean) => void,
) {
  return useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const to = event.relatedTarget;
      if (open && to instanceof Node && !root.current?.contains(to)) setOpen(false);
    },
    [open, root, setOpen],
  );
}
