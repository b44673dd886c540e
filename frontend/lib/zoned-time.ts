/**
 * Wall-clock time in an IANA time zone, and back: what "tomorrow at 9:00" is as an instant
 * for a user in that zone. Pure and small (no date library), so that the notification bell,
 * in every screen's first load, can use it as well as the quick-add parser.
 */

export interface WallClock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** The browser's IANA zone ("Europe/Paris"; UTC when it has none): the user's zone. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall-clock time in `timeZone` at `instant`. */
export function wallClock(instant: Date, timeZone: string): WallClock & { second: number } {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAY_INDEX[parts.weekday] ?? 0,
  };
}

/** Minutes east of UTC in `timeZone` at `instant` (Paris in winter: 60). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - (instant.getTime() - instant.getUTCMilliseconds())) / 60_000);
}

/** The instant at which the wall clock in `timeZone` shows the given local time. */
export function zonedTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = zoneOffsetMinutes(new Date(guess), timeZone);
  const candidate = guess - first * 60_000;
  const second = zoneOffsetMinutes(new Date(candidate), timeZone);
  return new Date(second === first ? candidate : guess - second * 60_000);
}

/** Calendar arithmetic on a local date (no zone involved). */
export function addDays(year: number, month: number, day: number, days: number) {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

/** The wall clock in `timeZone` at `instant` as a zone-less count of milliseconds (Date.UTC of it). */
function wallMs(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) + new Date(instant).getUTCMilliseconds();
}

const DAY_MS = 86_400_000;

/**
 * The reminder of a task moved from `dueAt` to `newDueAt` (or a series' next instance), as far
 * from it as `remindAt` was from `dueAt`: the rule recurring-service and the assistant keep
 * (todo_common.recurrence.next_remind_at). Without a zone (or in UTC) that is the elapsed offset.
 * In `timeZone` (the task's, else the user's) the distance is kept on the wall clock: the same
 * local time of day, the same number of calendar days before the due day, so "the evening before
 * at 18:00" stays at 18:00 across a daylight-saving change and 30 minutes before stays 30 minutes
 * before. A wall time the zone skips or repeats is read the way closest to the elapsed offset;
 * the reminder never lands on the other side of the due time (it then keeps the elapsed offset).
 */
export function movedRemindAt(newDueAt: Date, dueAt: Date, remindAt: Date, timeZone?: string | null): Date {
  const due = newDueAt.getTime();
  const offset = remindAt.getTime() - dueAt.getTime();
  const elapsed = due + offset;
  if (!timeZone) return new Date(elapsed);
  let local: number;
  try {
    local = wallMs(due, timeZone) + (wallMs(remindAt.getTime(), timeZone) - wallMs(dueAt.getTime(), timeZone));
  } catch {
    return new Date(elapsed); // not a zone this browser knows
  }
  // The instants showing `local`: with the offset before a change near it and the offset after
  // (Python's fold 0 and 1). Both when the wall time is repeated, one when it is plain; when it is
  // skipped neither shows it, and both are read as zoneinfo reads a skipped time.
  const offsets = [local - DAY_MS, local + DAY_MS].map((near) => zoneOffsetMinutes(new Date(near), timeZone) * 60_000);
  const readings = offsets.map((zoneOffset) => local - zoneOffset);
  const showing = readings.filter((reading) => wallMs(reading, timeZone) === local);
  let found = NaN;
  for (const reading of showing.length ? showing : readings)
    if (Number.isNaN(found) || Math.abs(reading - elapsed) < Math.abs(found - elapsed)) found = reading;
  return Math.sign(found - due) === Math.sign(offset) ? new Date(found) : new Date(elapsed);
}
