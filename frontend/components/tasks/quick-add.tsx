"use client";
/**
 * Quick-add: one line, parsed as you type (lib/quick-add.ts) and shown as chips before saving.
 * Enter saves; the line is cleared at once (the task appears optimistically) and put back if the
 * server refuses it, with the API's message. A misread chip ("Weekly review notes" read as a
 * weekly rule) has a button that keeps its words in the title instead.
 */
import { AlarmClock, CalendarDays, CornerDownLeft, Flag, Hash, Plus, Repeat, X } from "lucide-react";
import {
  forwardRef,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";
import { cn } from "@/components/ui/cn";
import { ApiError } from "@/lib/api";
import { useDebounced } from "@/lib/use-debounced";
import type { parseQuickAdd, QuickAddResult, QuickAddTokenKind } from "@/lib/quick-add";
import { describeRepeat } from "@/lib/rrule";
import {
  formatDue,
  MAX_TITLE_LENGTH,
  PRIORITY_LABEL,
  TITLE_TOO_LONG,
  titleLength,
  useCreateTask,
  userTimeZone,
  type Task,
} from "@/lib/tasks";
import { PRIORITY_BADGE } from "./labels";
import { useFocusReturn } from "./use-focus-return";

type Parse = typeof parseQuickAdd;
let parser: Promise<Parse> | null = null;

/**
 * The parser (with chrono-node) is a separate chunk: fetched when idle or on first use. A failed
 * fetch (offline before it loaded) is not kept: the next call fetches again.
 */
export function loadParser(): Promise<Parse> {
  parser ??= import("@/lib/quick-add").then(
    (m) => m.parseQuickAdd,
    (error: unknown) => {
      parser = null;
      throw error;
    },
  );
  return parser;
}

function PreviewChip({
  icon,
  children,
  className,
  keepTexts = [],
  onKeep,
}: {
  icon: ReactNode;
  children: ReactNode;
  className?: string;
  /**
   * The words of the line this chip was read from, when it was (not a due date a rule set): all
   * of them, also when said apart ("friday", "at 5pm" of "call mom friday about taxes at 5pm").
   */
  keepTexts?: readonly string[];
  onKeep?: (texts: readonly string[]) => void;
}) {
  const canKeep = keepTexts.length > 0 && Boolean(onKeep);
  const label = `Keep “${keepTexts.join(" … ")}” in the title`;
  // The keep button is 20 px with a mouse; on a touch screen it is a 44 px target (it overhangs
  // the 28 px chip, and the rows of chips are 16 px apart there, so targets do not overlap).
  return (
    <li
      className={cn(
        "inline-flex h-7 items-center gap-1.5 rounded-full bg-surface-2 px-2.5 text-xs font-medium text-text",
        canKeep && "pr-1",
        className,
      )}
    >
      {icon}
      {children}
      {canKeep && (
        <button
          type="button"
          onClick={() => onKeep?.(keepTexts)}
          aria-label={label}
          title={label}
          className="-my-1 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-muted hover:bg-surface hover:text-text focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-focus touch:-my-2 touch:size-11"
        >
          <X aria-hidden className="h-3.5 w-3.5" />
        </button>
      )}
    </li>
  );
}

/**
 * The words the chip of `kind` was read from, in the order of the line. A due date's are all its
 * tokens: one reading, though its day and time may be said apart ("friday", "at 5pm"), so one
 * Keep gives them all back. Of the other kinds, one token: the last (the one that counts: "!low
 * !urgent" is urgent), or a repeat's own words, which come first (the end of the series said
 * after them, "until dec 20", "for 3 weeks", is only read with them).
 */
function tokenTexts(result: QuickAddResult, kind: QuickAddTokenKind): string[] {
  const tokens = result.tokens.filter((token) => token.kind === kind).map((token) => token.text);
  if (kind === "due") return tokens;
  const token = kind === "recurrence" ? tokens[0] : tokens.pop();
  return token ? [token] : [];
}

function reminderText(result: QuickAddResult, now: Date): string {
  if (result.remindOffsetMinutes !== null) {
    const m = result.remindOffsetMinutes;
    const amount = m === 0 ? "At due time" : m % 1440 === 0 ? `${m / 1440} d before` : m % 60 === 0 ? `${m / 60} h before` : `${m} min before`;
    return result.dueAt ? amount : `${amount} (add a due date)`;
  }
  return result.remindAt ? formatDue(result.remindAt, now) : "";
}

/** What to say about a title over the API's limit (before anything is sent), or null. */
export function titleLimitText(title: string): string | null {
  const length = titleLength(title);
  return length > MAX_TITLE_LENGTH ? `${TITLE_TOO_LONG} This one has ${length}.` : null;
}

/** One field read from the line: what it is ("Due", said before it), its value, its words. */
interface Chip {
  key: string;
  kind: "due" | "priority" | "recurrence" | "reminder" | "tag";
  label: string;
  text: string;
  /** The words of the line it was read from, when it was (none for a due date a rule set). */
  keepTexts: string[];
}

/** The fields read from the line, in the order the preview shows them. */
function previewChips(result: QuickAddResult, now: Date): Chip[] {
  const chips: Chip[] = [];
  if (result.dueAt) chips.push({ key: "due", kind: "due", label: "Due", text: formatDue(result.dueAt, now), keepTexts: tokenTexts(result, "due") });
  if (result.priority)
    chips.push({ key: "priority", kind: "priority", label: "Priority", text: PRIORITY_LABEL[result.priority], keepTexts: tokenTexts(result, "priority") });
  if (result.rrule)
    chips.push({ key: "recurrence", kind: "recurrence", label: "Repeats", text: describeRepeat(result.rrule, result.repeatFrom, { now }), keepTexts: tokenTexts(result, "recurrence") });
  if (result.remindAt || result.remindOffsetMinutes !== null)
    chips.push({ key: "reminder", kind: "reminder", label: "Reminder", text: reminderText(result, now), keepTexts: tokenTexts(result, "reminder") });
  for (const tag of result.tags) {
    const words = result.tokens.find((token) => token.kind === "tag" && token.text.slice(1).toLowerCase() === tag.toLowerCase())?.text;
    chips.push({ key: `tag-${tag.toLowerCase()}`, kind: "tag", label: "Tag", text: tag, keepTexts: words ? [words] : [] });
  }
  return chips;
}

/** The preview in words, for a screen reader: "Adds Pay rent, Due Tomorrow 9:00 AM, Priority High". */
export function previewReading(result: QuickAddResult, now: Date): string {
  const head = result.title ? `Adds ${result.title}` : "Add a title as well";
  return [head, ...previewChips(result, now).map((chip) => `${chip.label} ${chip.text}`)].join(", ");
}

const CHIP_ICON: Record<Chip["kind"], ReactNode> = {
  due: <CalendarDays aria-hidden className="h-3.5 w-3.5 text-accent" />,
  priority: <Flag aria-hidden className="h-3.5 w-3.5" />,
  recurrence: <Repeat aria-hidden className="h-3.5 w-3.5 text-accent" />,
  reminder: <AlarmClock aria-hidden className="h-3.5 w-3.5 text-accent" />,
  tag: <Hash aria-hidden className="h-3.5 w-3.5 text-accent" />,
};

/**
 * What the line will become: title plus one chip per parsed field. With `onKeep`, a chip read
 * from words of the line has a button that calls it with those words (to keep them in the title).
 * Not a live region (it changes with every key): QuickAdd says it in words once typing pauses.
 */
export function QuickAddPreview({
  result,
  now,
  id,
  onKeep,
}: {
  result: QuickAddResult;
  now: Date;
  id?: string;
  onKeep?: (texts: readonly string[]) => void;
}) {
  const chips = previewChips(result, now);
  return (
    <div id={id} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="min-w-0 text-muted wrap-anywhere">
        {result.title ? (
          <>
            Adds <strong className="font-semibold text-text">{result.title}</strong>
          </>
        ) : (
          <span className="text-danger">Add a title as well</span>
        )}
      </span>
      {chips.length > 0 && (
        <ul aria-label="Parsed from your text" className="flex flex-wrap gap-1.5 touch:gap-y-4">
          {chips.map((chip) => (
            <PreviewChip
              key={chip.key}
              icon={CHIP_ICON[chip.kind]}
              className={chip.kind === "priority" && result.priority ? PRIORITY_BADGE[result.priority] : undefined}
              keepTexts={chip.keepTexts}
              onKeep={onKeep}
            >
              <span className="sr-only">{chip.label} </span>
              {chip.text}
            </PreviewChip>
          ))}
        </ul>
      )}
    </div>
  );
}

/** How long the keys stop before the preview is said. */
const SAY_AFTER_MS = 800;

export interface QuickAddProps {
  value: string;
  onValueChange: (value: string) => void;
  /** Called with the task the server made, once the lists have been fetched again. */
  onAdded?: (task: Task) => void;
}

export const QuickAdd = forwardRef<HTMLInputElement, QuickAddProps>(
  function QuickAdd({ value, onValueChange, onAdded }, ref) {
    const create = useCreateTask();
    const [error, setError] = useState<string | null>(null);
    const input = useRef<HTMLInputElement>(null);
    // Escape gives focus back where it came from ("n" on a task row), not from the line's own
    // chips and button; else to <main>.
    const focusReturn = useFocusReturn((field) => field.form);
    useImperativeHandle(ref, () => input.current!, []);
    // Words the user took back from a chip into the title ("Weekly" of "Weekly review notes"):
    // kept while the line is edited, forgotten once it is sent or emptied.
    const [kept, setKept] = useState<string[]>([]);
    if (!value.trim() && kept.length > 0) setKept([]);
    const inputId = useId();
    const previewId = useId();
    const errorId = useId();
    const [parse, setParse] = useState<Parse | null>(null);
    const needParser = Boolean(value.trim()) && !parse;
    useEffect(() => {
      if (!needParser) return;
      let live = true;
      loadParser().then(
        (loaded) => live && setParse(() => loaded),
        () => {}, // tried again on Enter, which says so if it fails again
      );
      return () => {
        live = false;
      };
    }, [needParser]);
    // Parsed against the clock when the text changes (not per render) so the preview is stable.
    const parsed = useMemo(() => {
      if (!parse) return null;
      const at = new Date();
      return { result: parse(value, { now: at, timeZone: userTimeZone(), keep: kept }), now: at };
    }, [parse, value, kept]);
    // The preview in words for a screen reader, once typing pauses (the preview itself changes
    // with every key: a live region there said the line over and over, letter by letter). An
    // emptied line (sent, cleared) says nothing, and nothing said for an earlier line comes back.
    const reading = value.trim() && parsed ? previewReading(parsed.result, parsed.now) : "";
    const paused = useDebounced(reading, SAY_AFTER_MS);
    const said = paused === reading ? reading : "";
    // Said as soon as the title passes the limit, not after the server refused it.
    const shown = error ?? (value.trim() && parsed ? titleLimitText(parsed.result.title) : null);

    async function submit(event: FormEvent) {
      event.preventDefault();
      if (!value.trim()) return;
      const at = new Date();
      let result: QuickAddResult;
      try {
        result = parsed?.result ?? (await loadParser())(value, { now: at, timeZone: userTimeZone(), keep: kept });
      } catch {
        setError("Quick-add could not load. Check your connection, then press Enter again.");
        return;
      }
      if (!result.title) {
        setError("Give the task a title, e.g. “Pay rent”, before the #tags and dates.");
        return;
      }
      if (titleLimitText(result.title)) return; // already said under the line (`shown`)
      const typed = value;
      const keptWhenSent = kept;
      setError(null);
      setKept([]);
      onValueChange("");
      create.mutate(
        {
          title: result.title,
          priority: result.priority ?? undefined,
          tags: result.tags,
          due_at: result.dueAt,
          remind_at: result.remindAt,
          rrule: result.rrule,
          // "every 3 days from when I last did it": the next one counts from completion.
          repeat_from: result.repeatFrom,
        },
        {
          // After useCreateTask's onSettled has refetched the lists (TanStack awaits it).
          onSuccess: (task) => onAdded?.(task),
          onError: (failure) => {
            // Nothing typed is lost: the line comes back with the reason.
            onValueChange(typed);
            setKept(keptWhenSent);
            const fields = failure instanceof ApiError ? Object.entries(failure.fields) : [];
            setError(
              fields.length
                ? fields.map(([field, message]) => `${field.replace(/_/g, " ")}: ${message}`).join(" · ")
                : failure.message,
            );
          },
        },
      );
    }

    return (
      <form onSubmit={(event) => void submit(event)} className="rounded-card border border-input bg-surface p-2 shadow-card focus-within:border-accent focus-within:ring-2 focus-within:ring-focus">
        <label htmlFor={inputId} className="sr-only">
          Quick add a task
        </label>
        <div className="flex items-center gap-2">
          <Plus aria-hidden className="ml-2 h-5 w-5 shrink-0 text-accent" />
          {/* The full example fits from 1024 px up; below that it would be cut off mid-word, so it
              is see-through there and a short hint shows in its place (CSS only: no layout shift). */}
          <div className="relative min-w-0 flex-1">
            <input
              ref={input}
              id={inputId}
              value={value}
              onChange={(event) => {
                onValueChange(event.target.value);
                setError(null);
              }}
              onFocus={focusReturn.onFocus}
              onKeyDown={(event) => {
                // Escape only leaves the line: what was typed stays (it is easy to clear by hand,
                // impossible to get back). Focus goes back where it came from, or to the page's
                // main region (not to the body: the next Tab would start from the top).
                if (event.key === "Escape") focusReturn.leave(event.currentTarget);
              }}
              autoComplete="off"
              enterKeyHint="done"
              placeholder="Add a task: Pay rent every month on the 1st #Finance !high tomorrow 9am"
              aria-keyshortcuts="n"
              aria-describedby={cn(value.trim() && parsed && previewId, shown && errorId) || undefined}
              aria-invalid={shown ? true : undefined}
              className="peer h-10 w-full min-w-0 bg-transparent text-base text-text placeholder:text-muted focus-visible:outline-none max-lg:placeholder:text-transparent"
            />
            <span
              aria-hidden
              data-testid="quick-add-short-hint"
              className="pointer-events-none absolute inset-y-0 left-0 right-0 hidden items-center overflow-hidden whitespace-nowrap text-base text-muted max-lg:peer-placeholder-shown:flex"
            >
              Add a task<span className="max-[380px]:hidden">, e.g. Milk tomorrow</span>
            </span>
          </div>
          <button
            type="submit"
            disabled={!value.trim()}
            className="inline-flex h-9 shrink-0 items-center gap-1.5 rounded-lg bg-accent px-3 text-sm font-semibold text-accent-contrast hover:bg-accent-hover disabled:opacity-50"
          >
            <span className="hidden sm:inline">Add</span>
            <CornerDownLeft aria-hidden className="h-4 w-4" />
            <span className="sr-only sm:hidden">Add task</span>
          </button>
        </div>
        {value.trim() && parsed && (
          <div className="px-2 pb-1 pt-2">
            <QuickAddPreview
              id={previewId}
              result={parsed.result}
              now={parsed.now}
              onKeep={(texts) => {
                setKept((current) => [...current, ...texts]);
                input.current?.focus();
              }}
            />
          </div>
        )}
        <p aria-live="polite" className="sr-only">
          {said}
        </p>
        {shown && (
          <p id={errorId} role="alert" className="px-2 pb-1 pt-2 text-sm font-medium text-danger wrap-anywhere">
            {shown}
          </p>
        )}
      </form>
    );
  },
);
