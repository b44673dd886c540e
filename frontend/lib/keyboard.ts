/**
 * Keyboard shortcuts: single keys ("n", "q", "/") and two-key sequences ("g d": g, then d) that
 * never fire while the user types in a field, holds a modifier, or has a modal dialog open.
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

/** How long the second key of a sequence ("g d") is waited for after the first, in ms. */
export const SEQUENCE_MS = 1500;

const MODIFIERS = new Set(["Shift", "Control", "Alt", "Meta", "CapsLock"]);

/**
 * `bindings` by `event.key`: "n" is the key n; "g d" is g then d within SEQUENCE_MS (any other
 * key after g is itself, so "g" then "n" is "n").
 */
export function useHotkeys(bindings: Record<string, (event: KeyboardEvent) => void>): void {
  const current = useRef(bindings);
  useEffect(() => {
    current.current = bindings;
  });
  useEffect(() => {
    // The first key of a sequence pressed, and when.
    let started: { key: string; at: number } | null = null;
    const onKey = (event: KeyboardEvent) => {
      if (MODIFIERS.has(event.key)) return;
      const first = started && Date.now() - started.at <= SEQUENCE_MS ? started.key : null;
      started = null;
      if (!shortcutAllowed(event)) return;
      const keys = current.current;
      const handler = (first !== null ? keys[`${first} ${event.key}`] : undefined) ?? keys[event.key];
      if (handler) {
        event.preventDefault();
        handler(event);
      } else if (Object.keys(keys).some((name) => name.startsWith(`${event.key} `))) {
        event.preventDefault();
        started = { key: event.key, at: Date.now() };
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
