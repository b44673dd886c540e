"use client";
/**
 * Repeat: presets built from the due date, or a custom RRULE; the server's plain-English
 * description and the next five dates (GET /api/recurrence/preview) underneath.
 */
import { useDebounced } from "@/lib/use-debounced";
import { Repeat } from "lucide-react";
import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { ApiError } from "@/lib/api";
import { describeRRule, ordinal } from "@/lib/rrule";
import { DEFAULT_DUE_TIME, useRecurrencePreview, userTimeZone } from "@/lib/tasks";
import { formatDate, localizeRuleTimes } from "@/lib/time";

const WEEKDAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export interface Preset {
  value: string;
  label: string;
}

/** The presets for a series starting on `dueDate` ("YYYY-MM-DD", or "" for none). */
export function recurrencePresets(dueDate: string): Preset[] {
  const date = dueDate ? new Date(`${dueDate}T12:00:00`) : new Date();
  const weekday = date.getDay();
  const day = date.getDate();
  return [
    { value: "FREQ=DAILY", label: "Every day" },
    { value: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", label: "Every weekday (Mon–Fri)" },
    { value: `FREQ=WEEKLY;BYDAY=${WEEKDAY_CODES[weekday]}`, label: `Every week on ${WEEKDAY_NAMES[weekday]}` },
    { value: "FREQ=WEEKLY;INTERVAL=2", label: "Every two weeks" },
    { value: `FREQ=MONTHLY;BYMONTHDAY=${day}`, label: `Every month on the ${ordinal(day)}` },
    { value: "FREQ=YEARLY", label: "Every year" },
  ];
}

export function RecurrenceEditor({
  rrule,
  onChange,
  repeatFrom,
  onRepeatFromChange,
  dueDate,
  dueTime,
  error,
}: {
  rrule: string | null;
  onChange: (rrule: string | null) => void;
  repeatFrom: "due" | "completion";
  onRepeatFromChange: (value: "due" | "completion") => void;
  dueDate: string;
  dueTime: string;
  error?: string;
}) {
  const id = useId();
  const presets = recurrencePresets(dueDate);
  // A rule the presets do not cover but we can name (e.g. from quick-add) is offered as itself.
  if (rrule && !presets.some((p) => p.value === rrule.toUpperCase()) && describeRRule(rrule) !== rrule)
    presets.unshift({ value: rrule.toUpperCase(), label: describeRRule(rrule) });
  const matching = rrule ? presets.find((p) => p.value === rrule.toUpperCase()) : null;
  const [custom, setCustom] = useState(Boolean(rrule && !matching));
  const mode = rrule === null && !custom ? "none" : custom ? "custom" : (matching?.value ?? "custom");

  const tz = userTimeZone();
  const dtstart = dueDate ? `${dueDate}T${dueTime || DEFAULT_DUE_TIME}` : null;
  const debouncedRule = useDebounced(rrule, 350);
  const preview = useRecurrencePreview(debouncedRule, dtstart, tz);
  const previewError =
    preview.error instanceof ApiError
      ? (preview.error.fields.rrule ?? preview.error.fields.dtstart ?? preview.error.message)
      : preview.error
        ? "The preview is unavailable right now."
        : undefined;
  const shownError = error ?? previewError;
  // The preview is said as it changes only once the user has changed the rule here: opening a
  // repeating task read all of it out, dates and all, while the drawer was being read. So is the
  // server's refusal of a stored rule (shown, not said, on opening); a Save's error is said at once.
  const [changed, setChanged] = useState(false);
  const alerting = changed || Boolean(error);

  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 flex items-center gap-1.5 text-sm font-medium text-text">
        <Repeat aria-hidden className="h-4 w-4 text-accent" /> Repeat
      </legend>
      <label htmlFor={`${id}-preset`} className="sr-only">
        Repeat pattern
      </label>
      <select
        id={`${id}-preset`}
        className={inputClass}
        value={mode}
        onChange={(event) => {
          setChanged(true);
          const next = event.target.value;
          if (next === "none") {
            setCustom(false);
            onChange(null);
          } else if (next === "custom") {
            setCustom(true);
            onChange(rrule ?? "FREQ=WEEKLY;BYDAY=MO,WE,FR");
          } else {
            setCustom(false);
            onChange(next);
          }
        }}
      >
        <option value="none">Does not repeat</option>
        {presets.map((preset) => (
          <option key={preset.value} value={preset.value}>
            {preset.label}
          </option>
        ))}
        <option value="custom">Custom rule (RRULE)…</option>
      </select>
      {mode === "custom" && (
        <div className="space-y-1">
          <label htmlFor={`${id}-rrule`} className="block text-sm font-medium text-text">
            Custom rule
          </label>
          <input
            id={`${id}-rrule`}
            className={cn(inputClass, "font-mono")}
            value={rrule ?? ""}
            spellCheck={false}
            onChange={(event) => {
              setChanged(true);
              onChange(event.target.value.toUpperCase().replace(/^RRULE:/, ""));
            }}
            placeholder="FREQ=WEEKLY;BYDAY=MO,WE,FR"
            aria-invalid={shownError ? true : undefined}
            aria-describedby={`${id}-rrule-help`}
          />
          <p id={`${id}-rrule-help`} className="text-xs text-muted">
            RFC 5545, e.g. <code className="font-mono">FREQ=MONTHLY;BYMONTHDAY=-1</code> (last day of the month) or{" "}
            <code className="font-mono">FREQ=DAILY;COUNT=10</code>.
          </p>
        </div>
      )}
      {rrule && (
        <>
          <div className="space-y-1">
            <label htmlFor={`${id}-from`} className="block text-sm font-medium text-text">
              Next one is due
            </label>
            <select
              id={`${id}-from`}
              className={inputClass}
              value={repeatFrom}
              onChange={(event) => {
                setChanged(true);
                onRepeatFromChange(event.target.value as "due" | "completion");
              }}
            >
              <option value="due">On schedule (from the due date)</option>
              <option value="completion">Counted from when I complete it</option>
            </select>
          </div>
          <div className="rounded-lg bg-surface-2 p-3 text-sm wrap-anywhere">
            {/* An alert beside the live preview, not in it (said once, not twice); the preview's
                region stays on the page, so the dates of a rule fixed after an error are said. */}
            {shownError && (
              <p role={alerting ? "alert" : undefined} className="font-medium text-danger">
                {shownError}
              </p>
            )}
            <div aria-live={changed ? "polite" : "off"}>
              {shownError ? null : preview.data ? (
                <>
                  <p className="font-medium text-text">Repeats {localizeRuleTimes(preview.data.description)}</p>
                  {!dueDate && <p className="mt-1 text-xs text-muted">Set a due date to choose when the series starts.</p>}
                  <p className="mt-2 text-xs font-semibold uppercase tracking-wide text-muted">Next dates</p>
                  <ol className="mt-1 space-y-0.5 text-text">
                    {preview.data.occurrences.map((iso, index) => (
                      <li key={iso}>
                        <time dateTime={iso}>
                          {formatDate("dateTime", new Date(iso))}
                        </time>
                        {/* The series starts at the due date, which need not fit the rule (a Sunday
                            for "every Friday"): say that the first date is this task, not a repeat. */}
                        {index === 0 && preview.data.dtstart && <span className="text-muted"> · this task</span>}
                      </li>
                    ))}
                  </ol>
                </>
              ) : (
                <p className="text-muted">Working out the dates…</p>
              )}
            </div>
          </div>
        </>
      )}
    </fieldset>
  );
}
