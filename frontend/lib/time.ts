/**
 * Every date and time the app writes goes through here, in one rule: the words are English,
 * as the rest of the UI ("Tue", "Nov", and formatDue's "Today"), and the reader's region decides
 * the hour cycle and the order of day and month. A reader in Germany sees "Tue 27 Nov 14:30",
 * one in the US "Tue, Nov 27 2:30 PM", one in India "6:24 am" (see displayLocale).
 */

/** A time of day: "1:28 AM" in en-US, "1:28" for a reader in Britain or Germany. */
export const TIME_OPTIONS = { hour: "numeric", minute: "2-digit" } as const satisfies Intl.DateTimeFormatOptions;

/** The ways the app writes a date or a time, by name (one Intl formatter each, see formatter). */
const FORMATS = {
  /** "1:28 AM" */
  time: TIME_OPTIONS,
  /** "1:28:30 AM" */
  timeWithSeconds: { ...TIME_OPTIONS, second: "2-digit" },
  /** "Fri" */
  weekday: { weekday: "short" },
  /** "Nov 27" in en-US, "27 Nov" in Germany */
  monthDay: { month: "short", day: "numeric" },
  /** "Nov 27, 2027" in en-US, "27 Nov 2027" in Germany */
  monthDayYear: { month: "short", day: "numeric", year: "numeric" },
  /** "Fri, Nov 27" in en-US, "Fri 27 Nov" in en-GB */
  shortDay: { weekday: "short", month: "short", day: "numeric" },
  /** "Fri, Nov 27, 2026, 1:28 AM" */
  dateTime: { weekday: "short", day: "numeric", month: "short", year: "numeric", ...TIME_OPTIONS },
  /** "Sat, Nov 28, 2026, 9:00 AM GMT+1": all of it, for a tooltip. */
  full: { weekday: "short", day: "numeric", month: "short", year: "numeric", ...TIME_OPTIONS, timeZoneName: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateFormat = keyof typeof FORMATS;

/**
 * The locale the app formats in for a reader whose browser says `browserLocale`: English for
 * the reader's region ("de-DE" → "en-DE": "Tue, 27 Nov, 14:30"; "en-IN" and "en-US" as they
 * are) where Intl has one; otherwise English with the reader's order of day and month
 * ("pt-BR" → "en-GB", "ko-KR" → "en-US"). Either way with the reader's own hour cycle, where it
 * differs ("fr-CA" → "en-CA-u-hc-h23": 24 hours, as French Canada writes them). Pure.
 */
export function displayLocale(browserLocale: string | undefined): string {
  let reader: Intl.ResolvedDateTimeFormatOptions;
  let region: string | undefined;
  try {
    reader = new Intl.DateTimeFormat(browserLocale, TIME_OPTIONS).resolvedOptions();
    region = new Intl.Locale(reader.locale).maximize().region;
  } catch {
    return "en-US"; // not a locale
  }
  const regional = region && `en-${region}`;
  const base =
    regional && new Intl.DateTimeFormat(regional).resolvedOptions().locale === regional
      ? regional
      : dayBeforeMonth(reader.locale)
        ? "en-GB"
        : "en-US";
  const hourCycle = new Intl.DateTimeFormat(base, TIME_OPTIONS).resolvedOptions().hourCycle;
  return reader.hourCycle && reader.hourCycle !== hourCycle ? `${base}-u-hc-${reader.hourCycle}` : base;
}

function dayBeforeMonth(locale: string): boolean {
  const order = new Intl.DateTimeFormat(locale, { day: "numeric", month: "numeric" }).formatToParts(0).map((part) => part.type);
  return order.indexOf("day") < order.indexOf("month");
}

// The browser's locale (what Intl uses when given none; the server's when rendered there), read
// once, and displayLocale of each locale asked for: both build formatters.
let browser: string | undefined;
const shownIn = new Map<string, string>();

function localeFor(readerLocale?: string): string {
  const reader = readerLocale ?? (browser ??= new Intl.DateTimeFormat().resolvedOptions().locale);
  let shown = shownIn.get(reader);
  if (shown === undefined) shownIn.set(reader, (shown = displayLocale(reader)));
  return shown;
}

/**
 * True when the reader (whose browser's locale is `readerLocale`; this browser's when not given)
 * writes a numeric date day first, as the app writes dates for them (displayLocale): "3/2" is 3
 * February for a reader in Britain or Germany, March 2 in the US, Canada or Japan.
 */
export function readsDayFirst(readerLocale?: string): boolean {
  return dayBeforeMonth(localeFor(readerLocale));
}

// Building an Intl formatter is the slow part of formatting (the list formats on every scroll):
// one per format, zone and locale.
const cached = new Map<string, Intl.DateTimeFormat>();

function formatter(format: DateFormat, timeZone?: string, readerLocale?: string): Intl.DateTimeFormat {
  const locale = localeFor(readerLocale);
  const key = `${format}|${locale}|${timeZone ?? ""}`;
  let found = cached.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...FORMATS[format], timeZone });
    cached.set(key, found);
  }
  return found;
}

/**
 * `instant` written as `format` says, by the app's rule (see displayLocale). On the wall clock
 * of `timeZone` (the user's; the browser's when not given), for a reader whose browser's locale
 * is `locale` (this browser's when not given).
 */
export function formatDate(format: DateFormat, instant: Date | number, timeZone?: string, locale?: string): string {
  return formatter(format, timeZone, locale).format(instant);
}

/** The time of day of `instant`: "6:24 AM" in en-US, "6:24 am" in en-IN, "6:24" in en-GB or de-DE. */
export function formatTime(instant: Date | number, timeZone?: string, locale?: string): string {
  return formatDate("time", instant, timeZone, locale);
}

/** The day of `instant` in short, as formatTime writes its time: "Fri, Nov 28" in en-US, "Fri 28 Nov" in en-GB. */
export function formatShortDay(instant: Date | number, timeZone?: string, locale?: string): string {
  return formatDate("shortDay", instant, timeZone, locale);
}

/**
 * A calendar date ("2026-11-03", no zone: the same day everywhere) as `format` writes it:
 * "Nov 3" for "monthDay", "Tue, Nov 3" for "shortDay". Null for what is no such date.
 */
export function formatCalendarDate(format: "monthDay" | "monthDayYear" | "shortDay", date: string, locale?: string): string | null {
  const [year, month, day] = date.split("-").map(Number);
  if (!year || !month || !day) return null;
  return formatDate(format, Date.UTC(year, month - 1, day), "UTC", locale);
}

/**
 * The server's rule in words with its 24-hour wall-clock times ("every Friday at 01:28") in
 * the app's style ("every Friday at 1:28 AM"). The times are already in the reader's zone (or
 * marked "UTC"), so they are formatted as they stand, not converted. Minute-only times of an
 * hourly rule (":15") have no hour to format and are left as they are.
 */
export function localizeRuleTimes(text: string, locale?: string): string {
  return text.replace(/\b([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?\b/g, (_match, h: string, m: string, s?: string) =>
    formatDate(s !== undefined ? "timeWithSeconds" : "time", Date.UTC(2000, 0, 1, Number(h), Number(m), Number(s ?? 0)), "UTC", locale),
  );
}

/** The IANA areas whose zones are named for a city ("Europe/London"), not a region ("US/Eastern"). */
const CITY_AREAS = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/(?:[^/]+\/)?([^/]+)$/;
/** Cities ICU (and so Chromium) still gives their old names ("Asia/Calcutta" for Asia/Kolkata). */
const RENAMED_CITIES: Record<string, string> = { Calcutta: "Kolkata", Kiev: "Kyiv", Saigon: "Ho Chi Minh", Katmandu: "Kathmandu", Rangoon: "Yangon" };

/**
 * A time zone as people say it after "in", mid-sentence ("Your last 30 days, in London time"):
 * its city ("London time", "New York time", "Kolkata time" for Asia/Calcutta, the old name
 * Chromium gives Kolkata), the same in summer and winter. A zone named for a region ("US/Eastern")
 * is Intl's generic long name with "time" in lower case ("Eastern time"); a zone with no name is
 * its offset ("GMT-05:00"), UTC "UTC"; the IANA name when Intl does not know the zone.
 */
export function zoneName(timeZone: string, at: Date | number = Date.now()): string {
  try {
    const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longGeneric" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value;
    if (name === "GMT" || name === "GMT+00:00") return "UTC";
    const city = CITY_AREAS.exec(timeZone)?.[1];
    if (city) return `${(RENAMED_CITIES[city] ?? city).replace(/_/g, " ")} time`;
    if (name) return name.replace(/ Time$/, " time");
  } catch {
    // not a zone Intl knows
  }
  return timeZone.replace(/_/g, " ");
}
