/**
 * Which tasks are ticked for a batch action (selection-bar.tsx): a click ticks or unticks one,
 * Shift+click the range from the one clicked last, in the list's order. In the first load: the
 * bar and the batch logic load on the first tick.
 */
import { useCallback, useRef, useState } from "react";

export interface Selection {
  ids: ReadonlySet<string>;
  /** Ticks or unticks `id`; with `range`, every task from the last one clicked to it, as `id` goes. */
  toggle: (id: string, range: boolean, order: readonly string[]) => void;
  /** Exactly these (after a batch: those that failed), or none. */
  set: (ids: Iterable<string>) => void;
}

export function useSelection(): Selection {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<string | null>(null);
  const toggle = useCallback((id: string, range: boolean, order: readonly string[]) => {
    const from = range && anchor.current ? order.indexOf(anchor.current) : -1;
    const to = order.indexOf(id);
    anchor.current = id;
    setIds((current) => {
      const next = new Set(current);
      const on = !current.has(id);
      const span = from >= 0 && to >= 0 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
      for (const one of span) {
        if (on) next.add(one);
        else next.delete(one);
      }
      return next;
    });
  }, []);
  const set = useCallback((next: Iterable<string>) => {
    const chosen = new Set(next);
    if (!chosen.size) anchor.current = null;
    setIds((current) => (chosen.size === 0 && current.size === 0 ? current : chosen));
  }, []);
  return { ids, toggle, set };
}
