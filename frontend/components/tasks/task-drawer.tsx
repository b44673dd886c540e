"use client";
/**
 * The edit drawer. The form keeps what was typed until a save succeeds: a refused save shows the
 * API's field errors next to the fields and leaves every value in place. Escape, the backdrop or
 * the close button with unsaved changes ask first (Cancel is the explicit way to drop them).
 */
import { SkipForward, Trash2 } from "lucide-react";
import { useEffect, useImperativeHandle, useRef, useState, type FormEvent, type Ref } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Drawer } from "@/components/ui/drawer";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { useToast, useToastClearance } from "@/components/ui/toast";
import { useRovingFocus } from "@/components/ui/use-roving-focus";
import { ApiError } from "@/lib/api";
import { describeRRule } from "@/lib/rrule";
import { formatCalendarDate, localizeRuleTimes } from "@/lib/time";
import {
  DEFAULT_DUE_TIME,
  errorMessage,
  formatDue,
  keptRemindAt,
  MAX_TITLE_LENGTH,
  PRIORITIES,
  PRIORITY_LABEL,
  useSkippedFields,
  TITLE_TOO_LONG,
  titleLength,
  useUpdateTask,
  type Priority,
  type Task,
  type TaskInput,
} from "@/lib/tasks";
import { PRIORITY_BADGE } from "./labels";
import { firstSlot, offRule } from "./off-rule";
import { RecurrenceEditor } from "./recurrence-editor";
import { TagInput } from "./tag-input";

const REMINDER_OFFSETS: Array<[string, string]> = [
  ["0", "At the due time"],
  ["5", "5 minutes before"],
  ["15", "15 minutes before"],
  ["30", "30 minutes before"],
  ["60", "1 hour before"],
  ["1440", "1 day before"],
];

interface FormState {
  title: string;
  description: string;
  priority: Priority;
  tags: string[];
  dueDate: string;
  dueTime: string;
  reminder: string; // "none" | minutes before | "custom"
  remindCustom: string; // datetime-local
  rrule: string | null;
  repeatFrom: "due" | "completion";
}

type FieldName = "title" | "description" | "priority" | "tags" | "due" | "reminder" | "rrule" | "form";
type Errors = Partial<Record<FieldName, string>>;

const pad = (n: number) => String(n).padStart(2, "0");
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
/** "YYYY-MM-DD" said "Mon, Nov 30". */
const dayLabel = (date: string) => formatCalendarDate("shortDay", date) ?? date;
/** A form's wall-clock date and "HH:MM" time as the app writes them: "Mon, Jan 7, 5:00 PM" (en-US), "Mon 7 Jan, 17:00" (en-GB). */
const whenLabel = (date: string, time: string) => `${dayLabel(date)}${time ? `, ${localizeRuleTimes(time)}` : ""}`;


export function formFromTask(task: Task): FormState {
  const due = task.due_at ? new Date(task.due_at) : null;
  const remind = task.remind_at ? new Date(task.remind_at) : null;
  let reminder = "none";
  if (remind) {
    const offset = due ? Math.round((due.getTime() - remind.getTime()) / 60_000) : null;
    reminder = offset !== null && REMINDER_OFFSETS.some(([value]) => Number(value) === offset) ? String(offset) : "custom";
  }
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: task.tags,
    dueDate: due ? localDate(due) : "",
    dueTime: due ? localTime(due) : "",
    reminder,
    remindCustom: remind ? `${localDate(remind)}T${localTime(remind)}` : "",
    rrule: task.rrule,
    repeatFrom: task.repeat_from,
  };
}

const formSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "A task needs a title.")
    .refine((title) => titleLength(title) <= MAX_TITLE_LENGTH, { error: TITLE_TOO_LONG }),
  description: z.string().max(5000, "Keep the description to 5,000 characters."),
  tags: z.array(z.string().min(1).max(32)).max(10, "10 tags at most."),
});

/** The form's API fields. `timezone` is not one: a save that sets a repeat sends the user's (withTimeZone). */
type FormInput = Required<Omit<TaskInput, "timezone">>;

/** The form as API fields, or errors to show. */
export function toInput(form: FormState): { input: FormInput } | { errors: Errors } {
  const errors: Errors = {};
  const parsed = formSchema.safeParse(form);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path[0] as FieldName] ??= issue.message;
  let dueAt: Date | null = null;
  if (form.dueDate) {
    dueAt = new Date(`${form.dueDate}T${form.dueTime || DEFAULT_DUE_TIME}`);
    if (Number.isNaN(dueAt.getTime())) errors.due = "Enter a valid date and time.";
  } else if (form.dueTime) errors.due = "Pick a date for this time.";
  let remindAt: Date | null = null;
  if (form.reminder === "custom") {
    remindAt = form.remindCustom ? new Date(form.remindCustom) : null;
    if (!remindAt || Number.isNaN(remindAt.getTime())) errors.reminder = "Pick when to be reminded.";
  } else if (form.reminder !== "none") {
    if (!dueAt) errors.reminder = "A reminder before the due time needs a due date.";
    else remindAt = new Date(dueAt.getTime() - Number(form.reminder) * 60_000);
  }
  if (form.rrule !== null && !form.rrule.trim()) errors.rrule = "Enter a rule or choose “Does not repeat”.";
  if (Object.keys(errors).length) return { errors };
  return {
    input: {
      title: form.title.trim(),
      description: form.description,
      priority: form.priority,
      tags: form.tags,
      due_at: dueAt ? dueAt.toISOString() : null,
      remind_at: remindAt ? remindAt.toISOString() : null,
      rrule: form.rrule ? form.rrule.trim() : null,
      repeat_from: form.repeatFrom,
    },
  };
}

/** API field names (e.g. "due_at", "tags.3") → the form field showing the message. */
export function errorsFromApi(error: unknown): Errors {
  if (!(error instanceof ApiError)) return { form: errorMessage(error) };
  const map: Record<string, FieldName> = {
    title: "title",
    description: "description",
    priority: "priority",
    tags: "tags",
    due_at: "due",
    remind_at: "reminder",
    rrule: "rrule",
    repeat_from: "rrule",
  };
  const errors: Errors = {};
  for (const [name, message] of Object.entries(error.fields)) {
    const field = map[name.split(".")[0]] ?? "form";
    errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
  }
  if (!Object.keys(error.fields).length) errors.form = error.message;
  return errors;
}

function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return new Date(a).getTime() === new Date(b).getTime();
}

/** Only what changed, so a save never overwrites a field edited elsewhere meanwhile. */
function changes(task: Task, input: FormInput): Partial<TaskInput> {
  const patch: Partial<TaskInput> = {};
  if (input.title !== task.title) patch.title = input.title;
  if (input.description !== task.description) patch.description = input.description;
  if (input.priority !== task.priority) patch.priority = input.priority;
  if (input.tags.join("\u0000") !== task.tags.join("\u0000")) patch.tags = input.tags;
  if (!sameInstant(input.due_at, task.due_at)) patch.due_at = input.due_at;
  if (!sameInstant(input.remind_at, task.remind_at)) patch.remind_at = input.remind_at;
  if ((input.rrule ?? null) !== (task.rrule ?? null)) patch.rrule = input.rrule;
  if (input.repeat_from !== task.repeat_from) patch.repeat_from = input.repeat_from;
  return patch;
}

/**
 * The form's parts a change made elsewhere is told apart by: each is the form fields one control
 * shows. A part not edited here takes the reloaded value; one edited here keeps the edit and, when
 * it was changed elsewhere too, says the other value next to it ("Changed elsewhere: …").
 */
const PARTS = {
  title: ["title"],
  description: ["description"],
  priority: ["priority"],
  tags: ["tags"],
  due: ["dueDate", "dueTime"],
  reminder: ["reminder", "remindCustom"],
  rrule: ["rrule", "repeatFrom"],
} as const satisfies Record<string, ReadonlyArray<keyof FormState>>;
type Part = keyof typeof PARTS;

const samePart = (a: FormState, b: FormState, part: Part) =>
  PARTS[part].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));

/**
 * The task reloaded with another version (a save refused with 412, or a refetch): `form` with the
 * parts not edited since `base` taken from `theirs` (taken), and the parts edited here that were
 * changed elsewhere to something else (clashes).
 */
export function rebase(form: FormState, base: FormState, theirs: FormState): { form: FormState; clashes: Part[]; taken: Part[] } {
  const next = { ...form };
  const clashes: Part[] = [];
  const taken: Part[] = [];
  for (const part of Object.keys(PARTS) as Part[]) {
    if (samePart(theirs, base, part)) continue; // not changed elsewhere
    if (samePart(form, base, part)) {
      for (const key of PARTS[part]) Object.assign(next, { [key]: theirs[key] });
      taken.push(part);
    } else if (!samePart(form, theirs, part)) clashes.push(part);
  }
  return { form: next, clashes, taken };
}

/** A part's value in the reloaded task, as the note next to its field says it. */
function theirValue(theirs: FormState, part: Part): string {
  switch (part) {
    case "title":
      return `“${theirs.title}”`;
    case "description": {
      const text = theirs.description.trim();
      return !text ? "no description" : `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;
    }
    case "priority":
      return PRIORITY_LABEL[theirs.priority];
    case "tags":
      return theirs.tags.length ? theirs.tags.join(", ") : "no tags";
    case "due":
      return theirs.dueDate ? whenLabel(theirs.dueDate, theirs.dueTime) : "no due date";
    case "reminder":
      if (theirs.reminder === "none") return "no reminder";
      if (theirs.reminder === "custom") {
        const [date, time = ""] = theirs.remindCustom.split("T");
        return date ? whenLabel(date, time) : "no reminder";
      }
      return REMINDER_OFFSETS.find(([value]) => value === theirs.reminder)?.[1].toLowerCase() ?? theirs.reminder;
    case "rrule":
      return theirs.rrule ? describeRRule(theirs.rrule) : "does not repeat";
  }
}

/**
 * The open instance of a series the delete asks about: what "Delete this one" leaves (the series
 * goes on, its next one made when this one goes; recurring-service's scheduling), with when the
 * next is due if the task says (its next_occurrence, when repeating from the due date and still to
 * come: the next one after an overdue instance is the rule's next after now). Null for a one-off,
 * a done instance (its next one is there already) and the series' last one (due, no next).
 */
export function seriesNext(task: Task, now: Date = new Date()): { due: string | null } | null {
  if (!task.rrule || task.completed) return null;
  if (task.due_at && !task.next_occurrence) return null;
  const next = task.repeat_from === "due" && task.next_occurrence ? new Date(task.next_occurrence) : null;
  return { due: next && next.getTime() > now.getTime() ? formatDue(task.next_occurrence!, now) : null };
}

/**
 * Focus the first invalid field and scroll its whole field (label, control, message) to the middle:
 * focus() alone scrolls only the control into view, leaving its label under the drawer's header.
 */
function revealFirstError(form: HTMLFormElement | null) {
  const control = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!control) return;
  control.focus({ preventScroll: true });
  (control.closest<HTMLElement>("[data-field], fieldset") ?? control).scrollIntoView({ block: "center" });
}

/**
 * The note next to a field changed elsewhere while the drawer was open: to another value than the
 * form's (a clash: their value, to choose from), or taken in because it was not edited here.
 */
type ElsewhereNote = { clash: string } | "taken" | null;

function ChangedElsewhere({ id, note }: { id: string; note: ElsewhereNote }) {
  if (note === null) return null;
  if (note === "taken")
    return (
      <p id={id} className="mt-1 text-xs text-muted">
        Updated elsewhere
      </p>
    );
  return (
    <p id={id} className="mt-1 rounded bg-warning-soft px-1.5 py-0.5 text-xs text-warning wrap-anywhere">
      Changed elsewhere: {note.clash}
    </p>
  );
}

/** What the drawer asks the form before it closes (and what the Tasks screen asks on Back). */
export interface CloseGuard {
  /** True when the drawer may close now; false when the form asked about unsaved changes instead. */
  mayClose: () => boolean;
}

/**
 * The task's priority: a radio group, one Tab stop, arrows choose (useRovingFocus). Named once, by
 * the visible label `labelledBy` (no fieldset and legend around it as well: a screen reader read
 * "Priority, group" then "Priority, radio group").
 */
function PriorityChoice({
  value,
  onChange,
  labelledBy,
  describedBy,
}: {
  value: Priority;
  onChange: (priority: Priority) => void;
  labelledBy: string;
  describedBy?: string;
}) {
  const roving = useRovingFocus(PRIORITIES, { mode: "radio", checked: value, onSelect: onChange });
  return (
    <div
      role="radiogroup"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      {...roving.group}
      className="grid grid-cols-4 gap-1.5"
    >
      {PRIORITIES.map((priority) => (
        <button
          key={priority}
          type="button"
          role="radio"
          aria-checked={value === priority}
          onClick={() => onChange(priority)}
          {...roving.item(priority)}
          className={cn(
            "h-9 rounded-lg border text-sm font-medium transition-colors",
            value === priority
              ? cn("border-transparent ring-2 ring-accent", PRIORITY_BADGE[priority])
              : "border-border text-text hover:bg-surface-2",
          )}
        >
          {PRIORITY_LABEL[priority]}
        </button>
      ))}
    </div>
  );
}

/**
 * Has the Tasks screen delete `task` (with Undo); `series`: its series ends too, no next one;
 * `version`: only if it still is that version (If-Match), else it is not deleted and says so.
 */
export type DeleteTask = (task: Task, options?: { series?: boolean; version?: number }) => void;

/**
 * Has the Tasks screen move open repeating `task` to `fields` (skippedFields: where completing it
 * now would put the next one, as the drawer said it), with Undo.
 */
export type SkipTask = (task: Task, fields: { due_at: string; remind_at?: string }) => void;

function TaskForm({
  task,
  onDone,
  onDelete,
  onSkip,
  ref,
}: {
  task: Task;
  onDone: () => void;
  onDelete: DeleteTask;
  onSkip?: SkipTask;
  ref: Ref<CloseGuard>;
}) {
  // The task as the form last had it: its version and fields. Another version (a save refused
  // with 412 reloads it, or a refetch) is taken in: the parts not edited here take its values, the
  // ones edited here keep the edit and say the other value (clashes).
  const [base, setBase] = useState(() => ({ version: task.version, form: formFromTask(task) }));
  const initial = base.form;
  const [form, setForm] = useState(initial);
  const [clashes, setClashes] = useState<Part[]>([]);
  const [taken, setTaken] = useState<Part[]>([]);
  const [dueAnchor, setDueAnchor] = useState(initial.dueDate);
  if (task.version !== base.version) {
    const theirs = formFromTask(task);
    const rebased = rebase(form, initial, theirs);
    setBase({ version: task.version, form: theirs });
    setForm(rebased.form);
    setClashes((current) => [...new Set([...current, ...rebased.clashes])]);
    setTaken((current) => [...new Set([...current, ...rebased.taken])]);
    if (rebased.form.dueDate !== form.dueDate) setDueAnchor(rebased.form.dueDate);
  }
  // "Changed elsewhere: …" next to a part while the form's value is not theirs; "Updated
  // elsewhere" next to one taken in, while it still holds their value (not edited again here).
  const elsewhere = (part: Part): ElsewhereNote => {
    if (samePart(form, initial, part)) return taken.includes(part) ? "taken" : null;
    return clashes.includes(part) ? { clash: theirValue(initial, part) } : null;
  };
  const [errors, setErrors] = useState<Errors>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const formElement = useRef<HTMLFormElement>(null);
  const keepEditing = useRef<HTMLButtonElement>(null);
  // The bin and the question's safe answer: focus goes from one to the other (the bin goes away
  // while it asks; focus would fall to <body> and the shortcuts stop).
  const bin = useRef<HTMLButtonElement>(null);
  const keepTask = useRef<HTMLButtonElement>(null);
  const actionBar = useRef<HTMLDivElement>(null);
  // A toast ("Completed … Undo") stays above Delete/Cancel/Save, not over them (phones).
  useToastClearance(actionBar, true);
  // Where focus was when the question came up, to go back there on "Keep editing".
  const focusBefore = useRef<HTMLElement | null>(null);
  const update = useUpdateTask();
  const { toast } = useToast();
  // Text typed in the tag box but not yet a tag is an edit too: Escape must not drop it unasked.
  const [tagText, setTagText] = useState("");
  const dirty = JSON.stringify(form) !== JSON.stringify(initial) || tagText.trim() !== "";
  // Reloading or closing the tab with unsaved changes: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [dirty]);

  function resumeEditing() {
    setConfirmDiscard(false);
    const target = focusBefore.current;
    requestAnimationFrame(() => (target && document.contains(target) ? target : document.getElementById("task-title"))?.focus());
  }

  useImperativeHandle(ref, () => ({
    mayClose: () => {
      if (!dirty) return true;
      // A second Escape (or backdrop click) while asked answers "Keep editing", never "Discard".
      if (confirmDiscard) {
        resumeEditing();
        return false;
      }
      focusBefore.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setConfirmDiscard(true);
      requestAnimationFrame(() => keepEditing.current?.focus());
      return false;
    },
  }));

  const set = <K extends keyof FormState>(key: K, value: FormState[K], field?: FieldName) => {
    setForm((current) => ({ ...current, [key]: value }));
    if (field) setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  };

  // The due date as the task had it or the user set it. A repeat chosen (or changed) whose days
  // leave it out ("every weekday" on a Saturday) moves the due date to the rule's first day from
  // there, same time, shown before saving: the first instance on its own rule, as the assistant
  // starts a series. Another rule, or none, starts again from this date.
  const setDueDate = (dueDate: string) => {
    setDueAnchor(dueDate);
    set("dueDate", dueDate, "due");
  };
  const setRepeat = (change: Partial<Pick<FormState, "rrule" | "repeatFrom">>) => {
    setForm((current) => {
      const next = { ...current, ...change };
      const start = next.rrule !== initial.rrule ? firstSlot(next.rrule, dueAnchor, next.repeatFrom) : null;
      return { ...next, dueDate: start?.date ?? dueAnchor };
    });
    setErrors((current) => ({ ...current, rrule: undefined, form: undefined }));
  };

  function save(event: FormEvent) {
    event.preventDefault();
    const result = toInput(form);
    if ("errors" in result) {
      setErrors(result.errors);
      requestAnimationFrame(() => revealFirstError(formElement.current));
      return;
    }
    const patch = changes(task, result.input);
    // The due time moved with the reminder left as it was: the reminder keeps its place, on the
    // wall clock of the task's zone ("the evening before at 18:00" stays so), as the assistant's
    // moves and the next instance of a series keep it; a custom one too.
    if (patch.due_at && form.reminder !== "none" && samePart(form, initial, "reminder")) {
      const kept = keptRemindAt(task, patch.due_at);
      if (kept && !sameInstant(kept, task.remind_at)) patch.remind_at = kept;
      else if (kept) delete patch.remind_at;
    }
    if (!Object.keys(patch).length) {
      onDone();
      return;
    }
    // The due time moved onto the next occurrence is a skip (task-service counts it as one): done
    // as "Skip this one" does it, the reminder (a custom one too) keeping its distance unless it
    // was changed here; with nothing else changed, it is that skip, with its toast and Undo.
    if (skip && onSkip && ontoNext(result.input.due_at) && samePart(form, initial, "reminder")) {
      delete patch.remind_at;
      if (skip.remind_at) patch.remind_at = skip.remind_at;
      if (Object.keys(patch).every((key) => key === "due_at" || key === "remind_at")) {
        onSkip(task, skip);
        onDone();
        return;
      }
    }
    setErrors({});
    update.mutate(
      { task, patch },
      {
        onSuccess: () => {
          toast({ tone: "success", title: "Saved", duration: 2500 });
          onDone();
        },
        onError: (error) => {
          // 412: changed elsewhere. Its toast says so; the reload (a new version of `task`) puts
          // "Changed elsewhere: …" next to the fields that differ. The API's message ("its version
          // is now 2") is not for the user.
          if (error instanceof ApiError && error.status === 412) {
            setErrors({});
            return;
          }
          setErrors(errorsFromApi(error));
          // Bring the first field the server refused into view (the form may be scrolled).
          requestAnimationFrame(() => revealFirstError(formElement.current));
        },
      },
    );
  }

  // "Skip this one": where completing the task now would put the next one, when it has one to move
  // to (useSkippedFields); a due time set onto it here (its rule as it was) is that same skip.
  const skipPlace = useSkippedFields(onSkip ? task : null);
  const skip = skipPlace.fields;
  const ontoNext = (dueAt: string | null) =>
    skip !== null && dueAt !== null && sameInstant(dueAt, skip.due_at) && samePart(form, initial, "rrule");
  const formDue = form.dueDate ? new Date(`${form.dueDate}T${form.dueTime || DEFAULT_DUE_TIME}`) : null;
  const skipsHere = formDue !== null && !Number.isNaN(formDue.getTime()) && ontoNext(formDue.toISOString());

  // "Skip this one" pressed: at once where what the drawer knows still holds, else (the drawer left
  // open long: an answer over a minute old, or a slot now past) once recurring-service has said
  // where it goes now, the button busy meanwhile. Edits made, or the drawer closed, while it asked:
  // no skip.
  const [askingSkip, setAskingSkip] = useState(false);
  const stillHere = useRef({ mounted: true, dirty });
  useEffect(() => {
    stillHere.current.dirty = dirty;
  });
  useEffect(() => {
    const here = stillHere.current;
    here.mounted = true;
    return () => {
      here.mounted = false;
    };
  }, []);
  const skipThis = async (skipTask: SkipTask) => {
    if (askingSkip) return;
    let fields = skipPlace.now();
    if (fields === undefined) {
      setAskingSkip(true);
      try {
        fields = await skipPlace.ask();
      } catch (error) {
        toast({ tone: "error", title: `“${task.title}” was not skipped`, description: errorMessage(error) });
        return;
      } finally {
        setAskingSkip(false);
      }
      if (!stillHere.current.mounted || stillHere.current.dirty) return;
    }
    // None (the series ended meanwhile): the button goes with the answer.
    if (!fields) return;
    skipTask(task, fields);
    onDone();
  };

  // An open instance of a series: "Delete and stop repeating" has the Tasks screen delete it with
  // its series ended (one request, DELETE ?series=true), so no next instance is made. Every delete
  // from here is of the version the drawer shows (If-Match): the user decided on what they saw,
  // and Undo would make the task again from it, losing a change made elsewhere meanwhile.
  const series = seriesNext(task);

  // aria-describedby of a control: its error or hint, and its "Changed elsewhere" note.
  const described = (id: string, error: string | undefined, part: Part, hint?: boolean) => {
    const own = describedBy(id, error, hint);
    return { ...own, "aria-describedby": cn(own["aria-describedby"], elsewhere(part) !== null && `${id}-elsewhere`) || undefined };
  };

  const formId = `task-form-${task.id}`;
  // "every Monday" when the due date is off the repeat's days (offRule), else null.
  const seriesStays = offRule(form.rrule, form.dueDate, form.repeatFrom);
  // "Starts Mon, Nov 30, the first weekday (was Sat, Nov 28)." when setRepeat moved it.
  const start = form.rrule !== initial.rrule ? firstSlot(form.rrule, dueAnchor, form.repeatFrom) : null;
  const startsOn = start && start.date === form.dueDate ? start : null;
  // "Keep" answers either delete question: back to the bin button.
  const keepButton = (
    <Button
      ref={keepTask}
      size="sm"
      variant="ghost"
      onClick={() => {
        setConfirmDelete(false);
        requestAnimationFrame(() => bin.current?.focus());
      }}
    >
      Keep
    </Button>
  );
  return (
    <>
      <form ref={formElement} id={formId} onSubmit={save} noValidate className="space-y-5">
        <Field id="task-title" label="Title" error={errors.title}>
          <input
            id="task-title"
            data-autofocus
            className={inputClass}
            value={form.title}
            onChange={(e) => set("title", e.target.value, "title")}
            {...described("task-title", errors.title, "title")}
          />
          <ChangedElsewhere id="task-title-elsewhere" note={elsewhere("title")} />
        </Field>
        <Field id="task-description" label="Description" error={errors.description}>
          <textarea
            id="task-description"
            rows={4}
            className={cn(inputClass, "resize-y")}
            value={form.description}
            onChange={(e) => set("description", e.target.value, "description")}
            placeholder="Notes, links, details…"
            {...described("task-description", errors.description, "description")}
          />
          <ChangedElsewhere id="task-description-elsewhere" note={elsewhere("description")} />
        </Field>
        <div data-field>
          <p id="task-priority-label" className="mb-1 text-sm font-medium text-text">
            Priority
          </p>
          <PriorityChoice
            value={form.priority}
            onChange={(priority) => set("priority", priority, "priority")}
            labelledBy="task-priority-label"
            describedBy={cn(errors.priority && "task-priority-error", elsewhere("priority") !== null && "task-priority-elsewhere") || undefined}
          />
          <ChangedElsewhere id="task-priority-elsewhere" note={elsewhere("priority")} />
          {errors.priority && (
            <p id="task-priority-error" className="mt-1 text-xs font-medium text-danger">
              {errors.priority}
            </p>
          )}
        </div>
        <Field id="task-tags" label="Tags" error={errors.tags} hint="Enter or comma adds a tag; up to 10.">
          <TagInput
            id="task-tags"
            value={form.tags}
            onChange={(tags) => set("tags", tags, "tags")}
            invalid={Boolean(errors.tags)}
            describedBy={cn(errors.tags ? "task-tags-error" : "task-tags-hint", elsewhere("tags") !== null && "task-tags-elsewhere")}
            onTextChange={setTagText}
          />
          <ChangedElsewhere id="task-tags-elsewhere" note={elsewhere("tags")} />
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-text">Due</legend>
          <div className="grid grid-cols-[minmax(0,1fr)_8.75rem] gap-2 sm:grid-cols-[minmax(0,1fr)_9rem_auto]">
            <label className="sr-only" htmlFor="task-due-date">
              Due date
            </label>
            <input
              id="task-due-date"
              type="date"
              className={inputClass}
              value={form.dueDate}
              onChange={(e) => setDueDate(e.target.value)}
              {...described("task-due", errors.due, "due")}
            />
            <label className="sr-only" htmlFor="task-due-time">
              Due time
            </label>
            <input
              id="task-due-time"
              type="time"
              className={inputClass}
              value={form.dueTime}
              onChange={(e) => set("dueTime", e.target.value, "due")}
              {...described("task-due", errors.due, "due")}
            />
            {(form.dueDate || form.dueTime) && (
              <Button
                size="md"
                variant="ghost"
                onClick={() => {
                  setDueDate("");
                  set("dueTime", "");
                }}
              >
                Clear
              </Button>
            )}
          </div>
          {errors.due ? (
            <p id="task-due-error" role="alert" className="text-xs font-medium text-danger">
              {errors.due}
            </p>
          ) : (
            form.dueDate &&
            !form.dueTime && <p className="text-xs text-muted">No time: due at {localizeRuleTimes(DEFAULT_DUE_TIME)}.</p>
          )}
          <ChangedElsewhere id="task-due-elsewhere" note={elsewhere("due")} />
          {/* A repeating task moved off its rule's days: this one moves, the series does not. A
              repeat just chosen moved the date to its first day: said, with the date it was. */}
          <p aria-live="polite" className="text-xs text-muted empty:hidden">
            {skipsHere
              ? "That is when the next one is due: saving skips this one, as “Skip this one” does."
              : startsOn
                ? `Starts ${dayLabel(startsOn.date)}, ${startsOn.first} (was ${dayLabel(dueAnchor)}).`
                : seriesStays && `Only this time. The series stays ${seriesStays}.`}
          </p>
        </fieldset>
        <Field id="task-reminder" label="Reminder" error={errors.reminder}>
          <select
            id="task-reminder"
            className={inputClass}
            value={form.reminder}
            onChange={(e) => set("reminder", e.target.value, "reminder")}
            {...described("task-reminder", errors.reminder, "reminder")}
          >
            <option value="none">No reminder</option>
            {REMINDER_OFFSETS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
            <option value="custom">At a specific time…</option>
          </select>
          <ChangedElsewhere id="task-reminder-elsewhere" note={elsewhere("reminder")} />
          {form.reminder === "custom" && (
            <>
              <label htmlFor="task-remind-at" className="sr-only">
                Remind me at
              </label>
              <input
                id="task-remind-at"
                type="datetime-local"
                className={cn(inputClass, "mt-2")}
                value={form.remindCustom}
                onChange={(e) => set("remindCustom", e.target.value, "reminder")}
              />
            </>
          )}
        </Field>
        <RecurrenceEditor
          rrule={form.rrule}
          onChange={(rrule) => setRepeat({ rrule })}
          repeatFrom={form.repeatFrom}
          onRepeatFromChange={(repeatFrom) => setRepeat({ repeatFrom })}
          dueDate={form.dueDate}
          dueTime={form.dueTime}
          error={errors.rrule}
        />
        <ChangedElsewhere id="task-rrule-elsewhere" note={elsewhere("rrule")} />
        {skip && onSkip && (
          // This occurrence left out, the series going on: the task moves to its next one. Of the
          // task as saved: with edits in the form, they are saved (or dropped) first.
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Button
              size="sm"
              disabled={dirty}
              aria-describedby="task-skip-next"
              aria-busy={askingSkip || undefined}
              aria-disabled={askingSkip || undefined}
              className="aria-disabled:cursor-progress aria-disabled:opacity-60"
              onClick={() => void skipThis(onSkip)}
            >
              <SkipForward aria-hidden className="h-4 w-4" />
              Skip this one
            </Button>
            <span id="task-skip-next" className="text-xs text-muted">
              Next due {formatDue(skip.due_at)}.{dirty && " Save or cancel your changes first."}
            </span>
          </div>
        )}
        {errors.form && (
          <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm font-medium text-danger">
            {errors.form}
          </p>
        )}
      </form>
      <div ref={actionBar} className="sticky bottom-0 -mx-5 mt-6 flex items-center gap-2 border-t border-border bg-surface px-5 py-3">
        {confirmDiscard ? (
          <div role="group" aria-labelledby="task-discard-question" className="flex flex-wrap items-center gap-2">
            <span id="task-discard-question" className="text-sm text-text">
              Discard changes?
            </span>
            <Button variant="danger" size="sm" onClick={onDone}>
              Discard
            </Button>
            <Button ref={keepEditing} size="sm" variant="ghost" onClick={resumeEditing}>
              Keep editing
            </Button>
          </div>
        ) : confirmDelete && series ? (
          // An open instance of a series: deleting it leaves the series going (its next one is
          // made), so the question offers ending the series as well.
          <div role="group" aria-labelledby="task-delete-question" className="flex flex-wrap items-center gap-2">
            <span id="task-delete-question" className="text-sm text-text">
              Delete this repeating task?
            </span>
            <span id="task-delete-next" className="w-full text-xs text-muted">
              {series.due ? `The series goes on: the next one is due ${series.due}.` : "The series goes on with the next one."}
            </span>
            <Button
              variant="danger"
              size="sm"
              aria-describedby="task-delete-next"
              onClick={() => {
                onDelete(task, { version: task.version });
                onDone();
              }}
            >
              Delete this one
            </Button>
            <Button
              variant="danger"
              size="sm"
              onClick={() => {
                onDelete(task, { series: true, version: task.version });
                onDone();
              }}
            >
              Delete and stop repeating
            </Button>
            {keepButton}
          </div>
        ) : confirmDelete ? (
          <div role="group" aria-labelledby="task-delete-question" className="flex flex-wrap items-center gap-2">
            <span id="task-delete-question" className="text-sm text-text">
              Delete this task?
            </span>
            <Button
              variant="danger"
              size="sm"
              onClick={() => {
                // The Tasks screen deletes it (toast with Undo) and puts focus in the list.
                onDelete(task, { version: task.version });
                onDone();
              }}
            >
              Delete
            </Button>
            {keepButton}
          </div>
        ) : (
          <Button
            ref={bin}
            variant="danger"
            size="icon"
            aria-label="Delete task"
            onClick={() => {
              setConfirmDelete(true);
              requestAnimationFrame(() => keepTask.current?.focus());
            }}
          >
            <Trash2 aria-hidden className="h-4 w-4" />
          </Button>
        )}
        {/* The repeating task's question needs the bar's width for its three answers. */}
        {!(confirmDelete && series) && (
          <div className="ml-auto flex gap-2">
            {!confirmDiscard && <Button onClick={onDone}>Cancel</Button>}
            <Button type="submit" form={formId} variant="primary" disabled={update.isPending}>
              {update.isPending ? "Saving…" : "Save"}
            </Button>
          </div>
        )}
      </div>
    </>
  );
}

export function TaskDrawer({
  task,
  onClose,
  onDelete,
  onSkip,
  guard,
}: {
  task: Task | null;
  onClose: () => void;
  /** Delete was confirmed: delete `task` (the drawer then closes). */
  onDelete: DeleteTask;
  /** "Skip this one" (offered only when given): skip `task`'s occurrence (the drawer then closes). */
  onSkip?: SkipTask;
  /** For the browser's Back: may the drawer close now, or did it ask about unsaved changes? */
  guard?: Ref<CloseGuard>;
}) {
  // Keep the last task while the drawer slides out, so its content does not vanish first.
  const [shown, setShown] = useState(task);
  if (task && task !== shown) setShown(task);
  // Each opening is a new form, even of the task it closed on while that still slides out (a
  // delete refused as changed elsewhere opens it again at once): not its delete question.
  const [openings, setOpenings] = useState(0);
  const [wasOpen, setWasOpen] = useState(task !== null);
  if ((task !== null) !== wasOpen) {
    setWasOpen(task !== null);
    if (task) setOpenings(openings + 1);
  }
  const form = useRef<CloseGuard>(null);
  useImperativeHandle(guard, () => ({ mayClose: () => !form.current || form.current.mayClose() }), []);
  const requestClose = () => {
    if (form.current && !form.current.mayClose()) return;
    onClose();
  };
  return (
    <Drawer open={task !== null} onClose={requestClose} title="Edit task">
      {shown && <TaskForm ref={form} key={`${shown.id} ${openings}`} task={task ?? shown} onDone={onClose} onDelete={onDelete} onSkip={onSkip} />}
    </Drawer>
  );
}
