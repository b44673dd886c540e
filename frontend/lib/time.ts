/**
 * How the app writes a time of day: the browser's locale with these options ("1:28 AM" in
 * en-US, "01:28" in en-GB). formatDue (lib/tasks.ts), the repeat rule in words and its next
 * dates all use them, so one task's time reads the same everywhere.
 */
export const TIME_OPTIONS = { hour: "numeric", minute: "2-digit" } as const satisfies Intl.DateTimeFormatOptions;

const DAY_OPTIONS = { weekday: "short", month: "short", day: "numeric" } as const satisfies Intl.DateTimeFormatOptions;

const TIME_WITH_SECONDS = { ...TIME_OPTIONS, second: "2-digit" } as const satisfies Intl.DateTimeFormatOptions;

// Building an Intl formatter is the slow part of formatting (the list formats on every scroll):
// one per options object (the constants above), zone and locale.
const cached = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

function formatter(options: Intl.DateTimeFormatOptions, timeZone?: string, locale?: string): Intl.DateTimeFormat {
  let byPlace = cached.get(options);
  if (!byPlace) cached.set(options, (byPlace = new Map()));
  const key = `${locale ?? ""}|${timeZone ?? ""}`;
  let found = byPlace.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    byPlace.set(key, found);
  }
  return found;
}

/**
 * The time of day of `instant` as the app writes it: "6:24 AM" in en-US, "6:24 am" in en-IN,
 * "06:24" in en-GB. On the wall clock of `timeZone` (the user's; the browser's when not given),
 * in `locale` (the browser's when not given).
 */
export function formatTime(instant: Date | number, timeZone?: string, locale?: string): string {
  return formatter(TIME_OPTIONS, timeZone, locale).format(instant);
}

/** The day of `instant` in short, as formatTime writes its time: "Fri, Nov 28" in en-US, "Fri 28 Nov" in en-GB. */
export function formatShortDay(instant: Date | number, timeZone?: string, locale?: string): string {
  return formatter(DAY_OPTIONS, timeZone, locale).format(instant);
}

/**
 * The server's rule in words with its 24-hour wall-clock times ("every Friday at 01:28") in
 * the app's style ("every Friday at 1:28 AM"). The times are already in the reader's zone (or
 * marked "UTC"), so they are formatted as they stand, not converted. Minute-only times of an
 * hourly rule (":15") have no hour to format and are left as they are.
 */
export function localizeRuleTimes(text: string, locale?: string): string {
  return text.replace(/\b([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?\b/g, (_match, h: string, m: string, s?: string) =>
    formatter(s !== undefined ? TIME_WITH_SECONDS : TIME_OPTIONS, "UTC", locale).format(Date.UTC(2000, 0, 1, Number(h), Number(m), Number(s ?? 0))),
  );
}
