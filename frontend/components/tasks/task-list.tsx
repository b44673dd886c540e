"use client";
/**
 * The virtualised task list (window scrolling, rows measured as they render), loading further
 * pages as the end comes into view. Keyboard: ↑/↓ (and j/k) move, Home/End jump, Enter opens,
 * x completes or reopens the focused task (focus moves on when the task leaves the view, as it
 * does from a row's Complete box, to the next row's box), s ticks
 * it for a batch action (the selection bar). With no
 * row focused, ↑/↓/j/k from anywhere on the page (outside a field or dialog) enter the list; ↑ on
 * the first row leaves it upwards (onUpFromTop: the search box, whose ↓ comes back).
 */
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { cn } from "@/components/ui/cn";
import { shortcutAllowed } from "@/lib/keyboard";
import { createdId, rowKey, type Task } from "@/lib/tasks";
import { rowHeight, TaskRow } from "./task-row";
import { useWindowVirtualizer } from "./use-window-virtualizer";

/** Where the arrow keys already mean something (a panel, a radio group, a scrolling log): not ours. */
/** What the Tasks screen asks of the list: focus a task's row (after a delete, after its Undo). */
export interface TaskListHandle {
  /** Scrolls to the task's row and focuses it; false when the task is not in the list. */
  focusTask: (id: string) => boolean;
}

/** A row's control that focus goes to: its title button (the row), or its Complete box. */
type RowControl = "data-row-button" | "data-complete-toggle";

const OWNS_ARROWS =
  '[role="dialog"], [role="radiogroup"], [role="toolbar"], [role="menu"], [role="listbox"], [role="tablist"], [role="log"]';

export function TaskList({
  stale,
  tasks,
  search,
  recent,
  leaves,
  hasMore,
  loadingMore,
  onLoadMore,
  onOpen,
  onToggle,
  onUpFromTop,
  selected,
  selecting = false,
  onSelect,
  ref,
}: {
  /** Still the previous query's rows while the new filter/search loads (the count shows a spinner). */
  stale: boolean;
  tasks: Task[];
  search: string;
  /** Tasks just completed or reopened (their check animates). */
  recent: ReadonlySet<string>;
  /** Whether a recently changed task leaves this view (Open loses completed tasks, and so on). */
  leaves: (task: Task) => boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (task: Task) => void;
  onToggle: (task: Task) => void;
  /** ↑ on the first row: where focus goes above the list (the search box); none, it stays. */
  onUpFromTop?: () => void;
  /** The tasks ticked for a batch action; none given, the rows have no tick boxes. */
  selected?: ReadonlySet<string>;
  selecting?: boolean;
  /** A tick box clicked (or s pressed on a row); `range`: Shift, from the last one clicked. */
  onSelect?: (id: string, range: boolean) => void;
  ref?: Ref<TaskListHandle>;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [activeId, setActiveId] = useState<string | null>(null);

  useLayoutEffect(() => {
    const update = () => setScrollMargin(container.current?.offsetTop ?? 0);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  // A task just added keeps its row (and focus in it) when the server's task replaces it. The
  // same function while the tasks are the same: a new one makes the virtualiser work out every
  // row's key and position again (2,000 for a long list), on each scroll step.
  const getItemKey = useCallback((index: number) => (tasks[index] ? rowKey(tasks[index].id) : index), [tasks]);
  // Each row's height before it is measured: exact unless it wraps, so scrolling mounts rows where
  // they stay (a row measured taller moved every row below it, and the page, h141).
  const estimateSize = useCallback((index: number) => (tasks[index] ? rowHeight(tasks[index]) : 66), [tasks]);
  const virtualizer = useWindowVirtualizer({
    count: tasks.length,
    estimateSize,
    overscan: 8,
    scrollMargin,
    getItemKey,
  });

  // Until the virtualiser has loaded (see use-window-virtualizer.ts): every row, in normal flow,
  // and no further pages (which rows are in view is not known yet).
  const items = virtualizer
    ? virtualizer.getVirtualItems()
    : tasks.map((task, index) => ({ key: rowKey(task.id), index, start: 0 }));
  const lastIndex = items.length ? items[items.length - 1].index : -1;
  const positioned = virtualizer !== null;
  useEffect(() => {
    if (positioned && hasMore && !loadingMore && lastIndex >= tasks.length - 15) onLoadMore();
  }, [positioned, hasMore, loadingMore, lastIndex, tasks.length, onLoadMore]);

  // The row last focused; a just-added one by the server's id once it has one (the row stays).
  const activeTask = activeId && (createdId(activeId) ?? activeId);
  const activeIndex = Math.max(0, activeTask ? tasks.findIndex((t) => t.id === activeTask) : 0);

  const focusIndex = useCallback(
    (index: number, control: RowControl = "data-row-button") => {
      const target = tasks[index];
      if (!target) return;
      setActiveId(target.id);
      virtualizer?.scrollToIndex(index, { align: "auto" });
      // The row may only exist after the virtualiser renders it.
      const tryFocus = (attempt: number) => {
        const row = container.current?.querySelector<HTMLElement>(`[data-task-id="${CSS.escape(target.id)}"] [${control}]`);
        if (row) {
          if (!virtualizer) row.scrollIntoView?.({ block: "nearest" });
          row.focus();
        }
        else if (attempt < 5) requestAnimationFrame(() => tryFocus(attempt + 1));
      };
      requestAnimationFrame(() => tryFocus(0));
    },
    [tasks, virtualizer],
  );

  // Completing (or reopening) a task, with x or its row's Complete box: the row drops out of
  // this view once its check has played, and focus with it (to <body>). Keep the keyboard in the
  // list: on the next row or else the previous one, on the same control as before.
  const toggle = useCallback(
    (task: Task, control: RowControl) => {
      onToggle(task);
      if (!leaves({ ...task, completed: !task.completed })) return;
      const index = tasks.findIndex((t) => t.id === task.id);
      if (index < 0) return;
      const next = index + 1 < tasks.length ? index + 1 : index - 1;
      if (next >= 0) focusIndex(next, control);
    },
    [onToggle, leaves, tasks, focusIndex],
  );
  // The rows' own Complete box: one callback for all of them (the rows stay memoised).
  const latestToggle = useRef(toggle);
  useEffect(() => {
    latestToggle.current = toggle;
  }, [toggle]);
  const onRowToggle = useCallback((task: Task) => latestToggle.current(task, "data-complete-toggle"), []);

  useImperativeHandle(
    ref,
    () => ({
      focusTask: (id) => {
        const index = tasks.findIndex((t) => t.id === id);
        if (index >= 0) focusIndex(index);
        return index >= 0;
      },
    }),
    [tasks, focusIndex],
  );

  // Entering the list: the rows' own handler (below) takes over once one has focus. Back on the
  // row last used if it is still here, else the first.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!["ArrowDown", "ArrowUp", "j", "k"].includes(event.key) || !shortcutAllowed(event)) return;
      const active = document.activeElement;
      if (container.current?.contains(active) || active?.closest(OWNS_ARROWS)) return;
      event.preventDefault();
      focusIndex(activeIndex);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [activeIndex, focusIndex]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    // A row's tick box is the row's, not a field: the list's keys work there too.
    if ((target.tagName === "INPUT" && !target.hasAttribute("data-select-toggle")) || target.tagName === "TEXTAREA") return;
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      j: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      k: activeIndex - 1,
      Home: 0,
      End: tasks.length - 1,
    };
    if (event.key === "ArrowUp" && activeIndex === 0 && onUpFromTop) {
      event.preventDefault();
      onUpFromTop();
    } else if (event.key in moves) {
      event.preventDefault();
      focusIndex(Math.min(tasks.length - 1, Math.max(0, moves[event.key])));
    } else if (event.key === "s" && onSelect && tasks[activeIndex]) {
      event.preventDefault();
      onSelect(tasks[activeIndex].id, false);
    } else if (event.key === "x") {
      const task = tasks[activeIndex];
      if (task) {
        event.preventDefault();
        toggle(task, "data-row-button");
      }
    }
  }

  return (
    <div
      ref={container}
      role="list"
      aria-label="Tasks"
      aria-busy={loadingMore || stale}
      onKeyDown={onKeyDown}
    >
      <div style={virtualizer ? { height: virtualizer.getTotalSize(), position: "relative" } : undefined}>
        {items.map((item) => {
          const task = tasks[item.index];
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              data-task-id={task.id}
              ref={virtualizer?.measureElement}
              className={cn("w-full pb-2", virtualizer && "absolute left-0 top-0")}
              style={virtualizer ? { transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` } : undefined}
            >
              <TaskRow
                task={task}
                search={search}
                active={item.index === activeIndex}
                celebrate={recent.has(task.id)}
                leaving={recent.has(task.id) && leaves(task)}
                onOpen={onOpen}
                onToggle={onRowToggle}
                onFocusRow={setActiveId}
                selected={selected?.has(task.id)}
                selecting={selecting}
                onSelect={onSelect}
              />
            </div>
          );
        })}
      </div>
      {loadingMore && <p className="py-3 text-center text-sm text-muted">Loading more…</p>}
    </div>
  );
}
