"use client";
/**
 * One Tab stop for a group of options, arrow keys between them (roving tabindex), for the two
 * WAI-ARIA patterns the app's option groups follow:
 *
 * - `radio` (a single choice, role="radiogroup"): the checked option is the Tab stop (the first
 *   when none is checked); Arrow Left/Up and Right/Down move to the previous / next option and
 *   select it, wrapping; Home and End go to the first and last. Space / Enter select too (the
 *   options are buttons).
 * - `toolbar` (several choices, role="toolbar" of checkboxes): the option last focused is the
 *   Tab stop (the first to begin with); Arrow Left / Right move (wrapping), Home / End; moving
 *   selects nothing: Space / Enter toggle the option that has focus.
 *
 * Spread `group` on the container and `item(key)` on each option (keys unique in the group).
 */
import { useCallback, useState, type KeyboardEvent } from "react";

const STEP: Record<"radio" | "toolbar", Record<string, number>> = {
  radio: { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 },
  toolbar: { ArrowLeft: -1, ArrowRight: 1 },
};

export function useRovingFocus<K extends string>(
  keys: readonly K[],
  options: { mode: "radio"; checked: K | null; onSelect: (key: K) => void } | { mode: "toolbar" },
) {
  const [lastFocused, setLastFocused] = useState<K | null>(null);
  const current = options.mode === "radio" ? options.checked : lastFocused;
  const stop = current !== null && keys.includes(current) ? current : (keys[0] ?? null);
  const mode = options.mode;
  const onSelect = options.mode === "radio" ? options.onSelect : null;

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const items = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-roving-key]")].filter(
        (item) => !item.matches(":disabled"),
      );
      const from = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-roving-key]") : null;
      const at = from ? items.indexOf(from) : -1;
      if (at < 0 || items.length === 0) return;
      const step = STEP[mode][event.key];
      let next: number;
      if (step !== undefined) next = (at + step + items.length) % items.length;
      else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = items.length - 1;
      else return;
      event.preventDefault(); // no page scroll, and the task list's arrow keys stay out of it
      const target = items[next];
      target.focus();
      if (onSelect) onSelect(target.dataset.rovingKey as K);
    },
    [mode, onSelect],
  );

  const item = (key: K) => ({
    "data-roving-key": key,
    tabIndex: key === stop ? 0 : -1,
    onFocus: mode === "toolbar" ? () => setLastFocused(key) : undefined,
  });

  return { group: { onKeyDown }, item };
}
