"use client";
/**
 * The bar shown while tasks are ticked: "N selected", Complete (Reopen when all of them are
 * completed), Priority, Add tag, Delete, Clear selection. Each action is one request per task
 * (bulk-actions.ts), through the single-row mutations, and says what happened in one toast with
 * Undo; one that takes a while (the server's rate limit: a 429 waits its Retry-After) shows how far
 * it is in a toast until then (progressToast), and so does its Undo. After Priority or Add tag the same tasks stay ticked (for the next action); after
 * Complete or Delete only those that failed. Sticky at the bottom of the screen, in the page's flow
 * after the list (so at the end it sits under the last row, never over it); toasts go above it.
 * Loaded on the first tick (next/dynamic in tasks-view.tsx).
 */
import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputLook } from "@/components/ui/field";
import { useToast, useToastClearance, type ToastOptions } from "@/components/ui/toast";
import {
  createdId,
  placesOf,
  PRIORITY_LABEL,
  restoreInput,
  rowKey,
  taskKeys,
  useDeleteTask,
  useRestoreTask,
  useSetCompleted,
  useTags,
  useUpdateTask,
  type Batch,
  type ListPlaces,
  type Priority,
  type Task,
} from "@/lib/tasks";
import { failureText, NotApplicable, rateLimitWait, runBatch, tasksWord, type Outcome, type Progress } from "./bulk-actions";
import { PriorityMenu } from "./priority-menu";
import { addTags, MAX_TAGS } from "./tag-input";

/** Tap targets of 44 px on a touch screen, as elsewhere. */
const TAP = "touch:h-11";

export interface SelectionBarProps {
  /** The ticked tasks the list shows, in its order: the only ones an action touches. */
  tasks: readonly Task[];
  onClear: () => void;
  /**
   * A batch ended. `kept`: it changed a field (priority, tags), the tasks stay in the list and
   * all of `acted` stay ticked, for the next action on the same tasks; otherwise (complete,
   * delete) only `failed` stay ticked.
   */
  onFinished: (failed: string[], acted: string[], kept: boolean) => void;
}

/** The one toast of a batch: "Completed 3 tasks", or "Completed 2 of 3 tasks" and why not the third. */
export function batchToast(
  outcome: Outcome<unknown>,
  { did, notDone, note = "" }: { did: string; notDone: string; note?: string },
  undo: (() => void) | null,
): ToastOptions {
  const { done, failed } = outcome;
  const total = done.length + failed.length;
  const action = undo && done.length ? { label: "Undo", onClick: undo } : undefined;
  if (!failed.length) return { tone: "success", title: `${did} ${tasksWord(done.length)}${note}`, action };
  return {
    tone: "error",
    title: done.length ? `${did} ${done.length} of ${tasksWord(total)}${note}` : `No tasks were ${notDone}`,
    description: failureText(failed, notDone) ?? undefined,
    action,
    duration: 12_000,
  };
}

/** A batch still going after this long shows how far it is (at once when the server asks it to wait). */
export const PROGRESS_AFTER_MS = 1_000;
/** The progress toast's words change at most this often (a live region: each change is read out). */
export const PROGRESS_EVERY_MS = 3_000;

/**
 * How far a batch is, in a toast shown once it takes a while or the server asks it to wait:
 * "Completing 50 tasks…", "12 of 50 done. The server asked to wait … going on in 30 s. Keep this
 * tab open until it finishes."; gone when the batch ends (its own toast says how it went). The
 * toasts are the app's, not the bar's: it goes on showing on another page of the app.
 */
export function progressToast({ toast, update, dismiss }: ReturnType<typeof useToast>, doing: string, total: number) {
  let id: number | null = null;
  let now: Progress = { done: 0, failed: 0, total, resumeAt: null };
  const words = ({ done, failed, total, resumeAt }: Progress) => ({
    title: `${doing} ${tasksWord(total)}…`,
    description: [
      `${done} of ${total} done${failed ? `, ${failed} not` : ""}.`,
      resumeAt === null
        ? ""
        : `The server asked to wait (too many changes at once): going on in ${Math.max(1, Math.ceil((resumeAt - Date.now()) / rateLimitWait.msPerSecond))} s.`,
      "Keep this tab open until it finishes.",
    ]
      .filter(Boolean)
      .join(" "),
  });
  // The toast sits in a live region: its words change at most every PROGRESS_EVERY_MS (and at once
  // when the server asks to wait, or the wait is over), so a screen reader hears a few updates, not one a task.
  let said = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let waiting: number | null = null;
  const say = () => {
    pending = undefined;
    said = Date.now();
    waiting = now.resumeAt;
    if (id !== null) update(id, words(now));
  };
  const show = () => {
    said = Date.now();
    waiting = now.resumeAt;
    id ??= toast({ ...words(now), duration: 0 });
  };
  const timer = setTimeout(show, PROGRESS_AFTER_MS);
  return {
    report(progress: Progress) {
      now = progress;
      if (id === null) {
        if (now.resumeAt !== null) show();
        return;
      }
      if (now.resumeAt !== waiting) {
        clearTimeout(pending);
        say();
      } else pending ??= setTimeout(say, Math.max(0, said + PROGRESS_EVERY_MS - Date.now()));
    },
    end() {
      clearTimeout(timer);
      clearTimeout(pending);
      if (id !== null) dismiss(id);
    },
  };
}

/** What an Undo of a batch undoes, in words: `undid("3 tasks")` is "Restored 3 tasks", "Undid: 3 tasks open again". */
export interface UndoWords {
  notDone: string;
  undid: (count: string) => string;
}

/**
 * What a batch's Undo says once the server has answered: "Restored 12 tasks", "Undid: 12 tasks open
 * again"; when some were refused, how many it undid and why not the rest ("Restored 2 of 3 tasks",
 * "1 task was not brought back: …"); when none, that it was not.
 */
export function batchUndoneToast({ done, failed }: Outcome<unknown>, { notDone, undid }: UndoWords): ToastOptions {
  const text = failureText(failed, notDone, false);
  if (!text) return { tone: "info", title: undid(tasksWord(done.length)) };
  if (!done.length) return { tone: "error", title: "Undo was not complete", description: text };
  return { tone: "error", title: undid(`${done.length} of ${tasksWord(done.length + failed.length)}`), description: text, duration: 12_000 };
}

export default function SelectionBar({ tasks, onClear, onFinished }: SelectionBarProps) {
  const client = useQueryClient();
  const toasts = useToast();
  const { toast } = toasts;
  const { mutateAsync: setCompleted } = useSetCompleted();
  const { mutateAsync: updateTask } = useUpdateTask();
  const { mutateAsync: removeTask } = useDeleteTask();
  const { mutateAsync: restoreTask } = useRestoreTask();
  const tags = useTags();
  const [busy, setBusy] = useState(false);
  const [tagText, setTagText] = useState("");
  const bar = useRef<HTMLDivElement>(null);
  const listId = useId();
  useToastClearance(bar, true);

  /**
   * After a batch: the lists once (not once per task). A repeating task completed makes its next
   * one through events a moment later: looked for again then, as a single completion does.
   */
  const refresh = (repeats = false) => () => {
    const again = () => void client.invalidateQueries({ queryKey: taskKeys.all });
    again();
    if (repeats) {
      setTimeout(again, 2500);
      setTimeout(again, 6000);
    }
  };

  const reopen = tasks.length > 0 && tasks.every((task) => task.completed);
  const suggestions = [...new Set([...(tags.data?.used ?? []).map(({ tag }) => tag), ...(tags.data?.suggested ?? [])])];

  /** Runs one action over `targets`, then its toast; its Undo says what it undid, and what it could not. */
  async function act<R>(
    targets: readonly Task[],
    run: (task: Task, batch: Batch) => Promise<R>,
    words: {
      /** "Completing", for the progress: "Completing 50 tasks…". */
      doing: string;
      did: string;
      notDone: string;
      note?: (outcome: Outcome<R>) => string;
      repeats?: (targets: readonly Task[]) => boolean;
      /** A field change: the selection stays (see onFinished). */
      kept?: boolean;
    },
    undo: (outcome: Outcome<R>) => UndoWords & { run: (onProgress: (progress: Progress) => void) => Promise<Outcome<unknown>> },
  ) {
    setBusy(true);
    const progress = progressToast(toasts, words.doing, targets.length);
    const outcome = await runBatch(targets, run, refresh(words.repeats?.(targets)), progress.report);
    progress.end();
    setBusy(false);
    // A task ticked while it was being added is the server's by now (runBatch waited for it).
    const acted = tasks.map((task) => createdId(task.id) ?? task.id);
    onFinished(
      outcome.failed.map(({ task }) => task.id),
      acted,
      Boolean(words.kept),
    );
    const back = undo(outcome);
    toast(
      batchToast(outcome, { did: words.did, notDone: words.notDone, note: words.note?.(outcome) }, () => {
        const undoing = progressToast(toasts, "Undoing", outcome.done.length);
        void back.run(undoing.report).then((undone) => {
          undoing.end();
          toast(batchUndoneToast(undone, back));
        });
      }),
    );
  }

  const complete = () => {
    const completed = !reopen;
    const targets = tasks.filter((task) => task.completed !== completed);
    void act(
      targets,
      (task, batch) => setCompleted({ task, completed, batch }),
      {
        doing: completed ? "Completing" : "Reopening",
        did: completed ? "Completed" : "Reopened",
        notDone: completed ? "completed" : "reopened",
        repeats: (all) => completed && all.some((task) => task.rrule),
      },
      ({ done }) => ({
        notDone: completed ? "reopened" : "completed again",
        undid: (count) => `Undid: ${count} ${completed ? "open" : "completed"} again`,
        run: (onProgress) =>
          runBatch(
            done.map(({ task }) => ({ ...task, completed })),
            (task, batch) => setCompleted({ task, completed: !completed, batch }),
            refresh(),
            onProgress,
          ),
      }),
    );
  };

  /**
   * Changes a field (priority, tags) of every task; Undo sets each back as it was (from the task
   * as the server answered, its version the newest).
   */
  const patchAll = (
    targets: readonly Task[],
    field: "priority" | "tags",
    patchOf: (task: Task) => Partial<Pick<Task, "priority" | "tags">>,
    words: { doing: string; did: string; notDone: string; note: string; undid: UndoWords["undid"] },
  ) =>
    act(
      targets,
      (task, batch) => updateTask({ task, patch: patchOf(task), batch }),
      { ...words, note: () => words.note, kept: true },
      ({ done }) => ({
        notDone: "set back",
        undid: words.undid,
        run: (onProgress) => {
          const before = new Map(done.map(({ task, result }) => [result.id, task]));
          return runBatch(
            done.map(({ result }) => result),
            (task, batch) => {
              const old = before.get(task.id)!;
              return updateTask({ task, patch: { [field]: old[field] }, batch });
            },
            refresh(),
            onProgress,
          );
        },
      }),
    );

  const setPriority = (priority: Priority) => {
    const targets = tasks.filter((task) => task.priority !== priority);
    if (!targets.length) {
      toast({ tone: "info", title: `${tasks.length === 1 ? "It is" : "They are"} already ${PRIORITY_LABEL[priority]}` });
      return;
    }
    void patchAll(targets, "priority", () => ({ priority }), {
      doing: "Setting priority on",
      did: "Set",
      notDone: "changed",
      note: ` to ${PRIORITY_LABEL[priority]}`,
      undid: (count) => `Undid: priority set back on ${count}`,
    });
  };

  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const text = tagText.trim().replace(/^#+/, "").trim();
    if (!text) return;
    const tag = addTags([], text, 1).tags[0];
    if (!tag) return;
    const targets = tasks.filter((task) => !task.tags.some((t) => t.toLowerCase() === tag.toLowerCase()));
    if (!targets.length) {
      toast({ tone: "info", title: `${tasks.length === 1 ? "It has" : "They all have"} #${tag} already` });
      return;
    }
    setTagText("");
    const full = targets.filter((task) => task.tags.length >= MAX_TAGS);
    void patchAll(
      targets,
      "tags",
      (task) => {
        if (full.includes(task)) throw new NotApplicable(`it has ${MAX_TAGS} tags already`);
        return { tags: [...task.tags, tag] };
      },
      { doing: "Tagging", did: "Tagged", notDone: "tagged", note: ` #${tag}`, undid: (count) => `Undid: #${tag} taken off ${count}` },
    );
  };

  const remove = () => {
    // Where each was, for Undo to put it back there (taken before the rows go).
    // Keyed by row (rowKey): a task ticked while it was being added is deleted by the server's id.
    const places = new Map<string, ListPlaces>(tasks.map((task) => [rowKey(task.id), placesOf(client, task.id)]));
    void act(
      tasks,
      // A repeating task: this occurrence only (as the drawer's "Delete this one"); its next one comes.
      (task, batch) => removeTask({ task, batch }),
      {
        doing: "Deleting",
        did: "Deleted",
        notDone: "deleted",
        note: ({ done }) => (done.some(({ task }) => task.rrule) ? " (repeats kept)" : ""),
        repeats: (all) => all.some((task) => task.rrule),
      },
      ({ done }) => ({
        notDone: "brought back",
        undid: (count) => `Restored ${count}`,
        run: (onProgress) =>
          runBatch(
            done.map(({ task }) => task),
            (task, batch) => restoreTask({ task, input: restoreInput(task), places: places.get(rowKey(task.id)) ?? [], batch }),
            refresh(),
            onProgress,
          ),
      }),
    );
  };

  return (
    <div
      ref={bar}
      role="region"
      aria-label="Selected tasks"
      aria-busy={busy}
      className="sticky bottom-2 z-30 flex flex-wrap items-center gap-2 rounded-card border border-border-strong bg-surface p-2 shadow-card"
    >
      <p className="min-w-20 px-1 text-sm font-semibold text-text" aria-live="polite">
        {tasks.length} selected
      </p>
      <Button size="sm" variant="primary" className={TAP} disabled={busy} onClick={complete}>
        {reopen ? "Reopen" : "Complete"}
      </Button>
      <PriorityMenu disabled={busy} onChoose={setPriority} className={TAP} />
      <form onSubmit={addTag} className="flex items-center gap-1">
        <label className="sr-only" htmlFor={`${listId}-tag`}>
          Tag to add
        </label>
        <input
          id={`${listId}-tag`}
          value={tagText}
          onChange={(event) => setTagText(event.target.value)}
          list={`${listId}-tags`}
          placeholder="#tag"
          maxLength={40}
          className={cn(inputLook, "h-8 w-36 px-2", TAP)}
        />
        <datalist id={`${listId}-tags`}>
          {suggestions.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <Button size="sm" type="submit" className={TAP} disabled={busy || !tagText.trim()}>
          Add tag
        </Button>
      </form>
      <Button size="sm" variant="danger" className={TAP} disabled={busy} onClick={remove}>
        Delete
      </Button>
      <Button size="sm" variant="ghost" className={cn("ml-auto", TAP)} onClick={onClear} aria-keyshortcuts="Escape">
        Clear selection
      </Button>
    </div>
  );
}
