"use client";
/**
 * One task in the list: complete toggle (animated), title, due/recurrence/reminder/tags, and a
 * priority badge unless the priority is the default, Medium.
 */
import { AlarmClock, CalendarDays, CloudOff, Repeat } from "lucide-react";
import dynamic from "next/dynamic";
import { memo } from "react";
import { cn } from "@/components/ui/cn";
import { useOnline } from "@/lib/online";
import { describeRepeat } from "@/lib/rrule";
import { dueState, formatDue, PRIORITY_LABEL, type Task } from "@/lib/tasks";
import { Highlight } from "./highlight";
import { CHECK_PATH, PRIORITY_BADGE } from "./labels";
import { localDay, offRule } from "./off-rule";


export const loadCelebration = () => import("./celebration");
const Celebration = dynamic(loadCelebration, {
  ssr: false,
  loading: () => <span className="grid h-6 w-6 rounded-full border-2 border-success bg-success" />,
});

function Check() {
  return (
    <svg viewBox="0 0 24 24" className="h-4 w-4" aria-hidden>
      <path d={CHECK_PATH} fill="none" stroke="var(--surface)" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The round checkbox. The animation (celebration.tsx, Framer Motion) only runs for a task
 * completed just now; every other row renders plain elements, which keeps scrolling through
 * 1,000 rows cheap and Framer Motion out of the first load (the list preloads it when idle).
 */
function CompleteToggle({
  task,
  onToggle,
  onFocus,
  focusable,
  celebrate,
}: {
  task: Task;
  onToggle: () => void;
  onFocus: () => void;
  focusable: boolean;
  celebrate: boolean;
}) {
  const done = task.completed;
  const circle = cn(
    "grid h-6 w-6 place-items-center rounded-full border-2 transition-colors",
    done ? "border-success bg-success" : "border-border-strong group-hover/toggle:border-accent",
  );
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked={done}
      aria-label={done ? `Reopen “${task.title}”` : `Complete “${task.title}”`}
      onClick={onToggle}
      onFocus={onFocus}
      className="group/toggle relative grid h-9 w-9 shrink-0 place-items-center rounded-full"
      tabIndex={focusable ? 0 : -1}
      data-complete-toggle
    >
      {celebrate && done ? (
        <Celebration circleClassName={circle} />
      ) : (
        <span className={circle}>{done && <Check />}</span>
      )}
    </button>
  );
}

/** Whether a row has a line of details under its title (due, repeat, reminder, tags). */
export const hasDetails = (task: Task) => Boolean(task.due_at || task.rrule || task.remind_at || task.tags.length);

/**
 * A row's height in the list (with its 8 px gap) when its title and its details each fit on one
 * line, as they do on a wide screen: the virtualiser's estimate, so a row that does not wrap
 * mounts where it stays (measured, nothing moves). The details line is one height (20 px) with or
 * without a tag's pill in it.
 */
export const rowHeight = (task: Task) => (hasDetails(task) ? 86 : 66);

export const TaskRow = memo(function TaskRow({
  task,
  search,
  active,
  celebrate,
  leaving,
  onOpen,
  onToggle,
  onFocusRow,
  selected = false,
  selecting = false,
  onSelect,
}: {
  task: Task;
  search: string;
  /** The row the arrow keys are on (roving tabindex). */
  active: boolean;
  /** Just completed or reopened: the check animates. */
  celebrate: boolean;
  /** About to drop out of this view (completed in Open, reopened in Completed): fades out. */
  leaving: boolean;
  onOpen: (task: Task) => void;
  onToggle: (task: Task) => void;
  onFocusRow: (id: string) => void;
  /** Ticked for a batch action (the selection bar). */
  selected?: boolean;
  /** Something is ticked (or the phone's Select is on): every row shows its tick box. */
  selecting?: boolean;
  /** Its tick box was clicked; `range` with Shift (from the last one clicked). */
  onSelect?: (id: string, range: boolean) => void;
}) {
  const state = dueState(task);
  const pending = task.id.startsWith("optimistic-");
  // Added while offline: shown now, saved when the browser is back online.
  const online = useOnline();
  const waiting = pending && !online;
  return (
    <div
      className={cn(
        "group flex items-start gap-2 rounded-card border bg-surface px-2 py-2 transition-[opacity,border-color] sm:px-3",
        // Full contrast while the check animates, then a quick fade just before it leaves the list.
        leaving && "opacity-0 delay-700 duration-300",
        active ? "border-border-strong" : "border-border",
        // The coloured edge is the left border (the same 1 px as every row's) and an inset shadow
        // beside it, which takes no room: the content of every row starts at the same place.
        state === "overdue" && "border-l-danger shadow-[inset_3px_0_0_0_var(--color-danger)]",
        state === "today" && "border-l-warning shadow-[inset_3px_0_0_0_var(--color-warning)]",
        waiting && "border-dashed",
      )}
      aria-busy={pending || undefined}
    >
      {onSelect && (
        // Quiet until wanted: shown on the row's hover or focus and on every row once one is
        // ticked; always there for a keyboard or a screen reader. On a touch screen it takes no
        // room until the Select button (or a first tick) turns selecting on.
        <label
          className={cn(
            "grid h-9 w-5 shrink-0 cursor-pointer place-items-center touch:-my-1 touch:h-11 touch:w-10",
            !selecting && "opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 touch:sr-only",
          )}
        >
          <input
            type="checkbox"
            checked={selected}
            tabIndex={active ? 0 : -1}
            aria-label={`Select “${task.title}”`}
            data-select-toggle
            disabled={pending}
            onFocus={() => onFocusRow(task.id)}
            // Shift+click: no text selected across the rows on the way.
            onMouseDown={(event) => {
              if (event.shiftKey) event.preventDefault();
            }}
            // React's change of a check box is its click: Shift held is a range.
            onChange={(event) => onSelect(task.id, (event.nativeEvent as MouseEvent).shiftKey === true)}
            className="h-4 w-4 cursor-pointer accent-accent"
          />
        </label>
      )}
      <CompleteToggle
        task={task}
        focusable={active}
        celebrate={celebrate}
        onToggle={() => onToggle(task)}
        onFocus={() => onFocusRow(task.id)}
      />
      <div className="min-w-0 flex-1">
        <button
          type="button"
          tabIndex={active ? 0 : -1}
          data-row-button
          onFocus={() => onFocusRow(task.id)}
          onClick={() => onOpen(task)}
          aria-label={`${task.title}. Open details`}
          className="block w-full rounded-md py-1.5 text-left wrap-anywhere"
        >
          <span
            className={cn(
              "relative inline text-[0.95rem] font-medium leading-snug text-text",
              task.completed && "text-muted line-through decoration-2",
            )}
          >
            <Highlight text={task.title} query={search} />
          </span>
        </button>
        <div
          className={cn(
            "flex flex-wrap items-center gap-x-3 gap-y-1 pb-1 text-xs text-muted",
            (waiting || hasDetails(task)) && "min-h-6",
          )}
        >
          {waiting && (
            <span className="inline-flex items-center gap-1 whitespace-nowrap font-medium">
              <CloudOff aria-hidden className="h-3.5 w-3.5" />
              Waiting to sync
            </span>
          )}
          {task.due_at && (
            <span
              className={cn(
                "inline-flex items-center gap-1 whitespace-nowrap font-medium",
                state === "overdue" && "rounded bg-danger-soft px-1.5 py-0.5 text-danger",
                state === "today" && "rounded bg-warning-soft px-1.5 py-0.5 text-warning",
              )}
            >
              <CalendarDays aria-hidden className="h-3.5 w-3.5" />
              {state === "overdue" && <span>Overdue ·</span>}
              <time dateTime={task.due_at}>{formatDue(task.due_at)}</time>
            </span>
          )}
          {task.rrule && (
            <span className="inline-flex items-center gap-1" title={task.rrule}>
              <Repeat aria-hidden className="h-3.5 w-3.5 text-accent" />
              <span className="sr-only">Repeats: </span>
              {describeRepeat(task.rrule, task.repeat_from)}
              {task.due_at && offRule(task.rrule, localDay(task.due_at), task.repeat_from) && " (this one moved)"}
            </span>
          )}
          {task.remind_at && (
            <span className="inline-flex items-center gap-1">
              <AlarmClock aria-hidden className="h-3.5 w-3.5" />
              <span className="sr-only">Reminder </span>
              {formatDue(task.remind_at)}
            </span>
          )}
          {task.tags.map((tag) => (
            <span key={tag} className="rounded-full bg-surface-2 px-2 py-0.5 font-medium text-text">
              #<Highlight text={tag} query={search} />
            </span>
          ))}
        </div>
      </div>
      {task.priority === "MEDIUM" ? (
        // The default, which most tasks have: no badge (the title takes its room), but a
        // screen reader still hears it, as it hears the others.
        <span className="sr-only">Priority {PRIORITY_LABEL.MEDIUM}</span>
      ) : (
        <span
          data-priority-badge
          className={cn(
            "mt-2 shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold",
            PRIORITY_BADGE[task.priority],
          )}
        >
          <span className="sr-only">Priority </span>
          {PRIORITY_LABEL[task.priority]}
        </span>
      )}
    </div>
  );
});
