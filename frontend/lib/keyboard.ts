/**
 * Single-key shortcuts ("n", "q", "/") that never fire while the user types in a field, holds a
 * modifier, or has a modal dialog open.
 */
import { useEffect, useRef } from "react";

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(type);
}

/**
 * An open menu, popover or list (its trigger is expanded): Escape is its. Not the assistant's
 * launcher: the assistant beside the page is not modal, and its Escape comes after the page's.
 */
export const OPEN_POPUP = '[aria-expanded="true"]:not([aria-controls="assistant-panel"])';

/** True when a shortcut may act on this event. */
export function shortcutAllowed(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (isTypingTarget(event.target)) return false;
  // A menu keeps its keys (arrows, letters): none reaches the page behind it.
  if (event.target instanceof Element && event.target.closest('[role="menu"]')) return false;
  return !document.querySelector('[aria-modal="true"]');
}

export function useHotkeys(bindings: Record<string, (event: KeyboardEvent) => void>): void {
  const current = useRef(bindings);
  useEffect(() => {
    current.current = bindings;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const handler = current.current[event.key];
      if (!handler || !shortcutAllowed(event)) return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
