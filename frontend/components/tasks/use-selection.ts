/**
 * Which tasks are ticked for a batch action (selection-bar.tsx): a click ticks or unticks one,
 * Shift+click the range from the one clicked last, in the list's order. Only tasks the list shows
 * stay ticked (keepShown). In the first load: the bar and the batch logic load on the first tick.
 */
import { useCallback, useRef, useState } from "react";
import { createdId } from "@/lib/tasks";

export interface Selection {
  ids: ReadonlySet<string>;
  /** Ticks or unticks `id`; with `range`, every task from the last one clicked to it, as `id` goes. */
  toggle: (id: string, range: boolean, order: readonly string[]) => void;
  /** Exactly these (after a batch: those that failed), or none. */
  set: (ids: Iterable<string>) => void;
  /** Only those of the ticked tasks the list shows now (`shown`, its ids, in order). */
  keep: (shown: readonly string[]) => void;
}

/** The id `id`'s task is listed by now: a row ticked while it was being added, the server's. */
function listedId(id: string, listed: ReadonlySet<string>): string | undefined {
  if (listed.has(id)) return id;
  const made = createdId(id);
  return made !== undefined && listed.has(made) ? made : undefined;
}

/**
 * `ids` without the tasks the list no longer shows (a search or filter hid them, another tab
 * completed or deleted them, a new sort left them on a page not loaded): a tick out of sight
 * would still count in the bar and be acted on, and show ticked again when the task comes back.
 * A task ticked while it was being added (its optimistic row) stays ticked by the server's id once
 * that task takes the row's place. `ids` itself when all of them are shown as they are, so nothing
 * renders for nothing.
 */
export function keepShown(ids: ReadonlySet<string>, shown: readonly string[]): ReadonlySet<string> {
  if (!ids.size) return ids;
  const listed = new Set(shown);
  const kept = [...ids].map((id) => listedId(id, listed)).filter((id) => id !== undefined);
  return kept.length === ids.size && kept.every((id) => ids.has(id)) ? ids : new Set(kept);
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
  const keep = useCallback((shown: readonly string[]) => {
    // A range never starts from a task out of sight (and starts from a just-added one by its new id).
    if (anchor.current) anchor.current = listedId(anchor.current, new Set(shown)) ?? null;
    setIds((current) => keepShown(current, shown));
  }, []);
  return { ids, toggle, set, keep };
}
