/**
 * Tab in a modal (the edit drawer, the assistant full screen on a phone) goes round the modal
 * and the toasts shown above it (`data-above-modals`: a completion's Undo, a reminder's Open),
 * which are not inert and would otherwise be out of a keyboard's reach while it is open.
 */
export const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The focusable controls of the toasts on screen, in order. */
function toastControls(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("[data-above-modals]")].flatMap((region) => [
    ...region.querySelectorAll<HTMLElement>(FOCUSABLE),
  ]);
}

/**
 * Where Tab (`back`: Shift+Tab) from `active` goes in the cycle of `panel` and the toasts, or
 * undefined where the browser's own order is right (inside the panel or the toasts; only at
 * their ends is Tab sent on). Focus anywhere else goes to the panel's first (last) control.
 */
export function tabTarget(panel: HTMLElement, active: Element | null, back: boolean): HTMLElement | undefined {
  const items = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (!items.length) return undefined;
  const toasts = toastControls();
  const first = items[0];
  const last = items[items.length - 1];
  const inPanel = active instanceof Node && panel.contains(active);
  const inToasts = active instanceof HTMLElement && toasts.includes(active);
  if (!inPanel && !inToasts) return back ? last : first;
  if (back && active === first) return toasts.at(-1) ?? last;
  if (back && active === toasts[0]) return last;
  if (!back && active === last) return toasts[0] ?? first;
  if (!back && active === toasts.at(-1)) return first;
  return undefined;
}
