/**
 * In-app notifications (API.md, Notifications): the API calls and the pure rules that keep the
 * bell's cached lists right as the server-sent stream and the user's clicks change them.
 *
 * Query keys: ["notifications", "unread"] (the bell's count and list) and
 * ["notifications", "all"].
 */
import { api, ApiError } from "@/lib/api";
import { formatShortDay, formatTime } from "@/lib/time";
import { addDays, browserTimeZone, wallClock, zonedTimeToUtc } from "@/lib/zoned-time";

export interface AppNotification {
  id: string;
  task_id: string | null;
  title: string;
  message: string;
  created_at: string;
  read: boolean;
  remind_at: string | null;
  due_at: string | null;
  /** Set by a snooze: when it comes back as a new notification (past once it has). */
  snoozed_until?: string | null;
}

const text = (value: unknown): value is string => typeof value === "string";

/**
 * One notification from the API or the stream, or null when it lacks an id or a time. Checked
 * by hand rather than with zod: the bell is in every screen's first load, where zod would add
 * ~30 kB gzipped for these nine fields.
 */
export function toNotification(value: unknown): AppNotification | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (!text(v.id) || !v.id || !text(v.created_at)) return null;
  return {
    id: v.id,
    task_id: text(v.task_id) ? v.task_id : null,
    title: text(v.title) && v.title ? v.title : "Reminder",
    message: text(v.message) ? v.message : "",
    created_at: v.created_at,
    read: v.read === true,
    remind_at: text(v.remind_at) ? v.remind_at : null,
    due_at: text(v.due_at) ? v.due_at : null,
    snoozed_until: text(v.snoozed_until) ? v.snoozed_until : null,
  };
}

export const unreadKey = ["notifications", "unread"] as const;
export const allKey = ["notifications", "all"] as const;

export async function fetchNotifications(unreadOnly: boolean): Promise<AppNotification[]> {
  const body = await api<{ items?: unknown }>(unreadOnly ? "notifications?unread=true" : "notifications");
  if (!Array.isArray(body?.items)) throw new ApiError(502, "bad_response", "Notifications came back in an unexpected shape.");
  return body.items.map(toNotification).filter((n): n is AppNotification => n !== null);
}

export function markRead(id: string): Promise<unknown> {
  return api(`notifications/${encodeURIComponent(id)}/read`, { method: "POST" });
}

// -- snooze ----------------------------------------------------------------------------------

/** The body of POST /api/notifications/{id}/snooze: exactly one of the two. */
export type SnoozeRequest = { minutes: number } | { until: string };

/**
 * One of a reminder's snooze choices, resolved for now: what it is and when it comes back,
 * as the reader's clock shows it ("Tomorrow", "9:00 AM"), and the request that asks for it.
 */
export interface SnoozeChoice {
  /** "10 minutes", "1 hour", "This evening" or "In 3 hours", "Tomorrow" or "This morning". */
  label: string;
  /** When it comes back on the reader's clock, in the reader's locale: "6:36 AM". */
  time: string;
  request: SnoozeRequest;
}

const TOMORROW_HOUR = 9;
/** "Later today" is this evening at 18:00, when that is at least LATER_AT_LEAST away. */
const EVENING_HOUR = 18;
const LATER_AT_LEAST_MS = 2 * 3_600_000;
/** Otherwise (after 16:00, or at night) it is this many minutes from now. */
const LATER_MINUTES = 3 * 60;

/** 9:00 tomorrow on the wall clock of `timeZone` (the user's), as an instant. */
export function tomorrowMorning(now: Date, timeZone: string): Date {
  const today = wallClock(now, timeZone);
  const next = addDays(today.year, today.month, today.day, 1);
  return zonedTimeToUtc(next.year, next.month, next.day, TOMORROW_HOUR, 0, timeZone);
}

/**
 * When a snooze of `minutes` made at `now` comes back: the start of the minute on or after
 * now + minutes, as the server rounds it (notification-service, domain/snooze.py), so the time a
 * choice shows is the minute it comes back in, to the second.
 */
export function minutesFrom(now: Date, minutes: number): Date {
  const end = now.getTime() + minutes * 60_000;
  return new Date(Math.ceil(end / 60_000) * 60_000);
}

/**
 * "Later today": 18:00 today on the wall clock of `timeZone` when that is two hours away or
 * more (at 6:26 in the morning, after a night shift, it is 18:00, not tomorrow's 9:00 27 hours
 * on); otherwise, from 16:00 on and through the night, three hours from now.
 */
export function laterToday(now: Date, timeZone: string): { label: string; at: Date; request: SnoozeRequest } {
  const today = wallClock(now, timeZone);
  const evening = zonedTimeToUtc(today.year, today.month, today.day, EVENING_HOUR, 0, timeZone);
  if (evening.getTime() - now.getTime() >= LATER_AT_LEAST_MS) {
    return { label: "This evening", at: evening, request: { until: evening.toISOString() } };
  }
  return { label: "In 3 hours", at: minutesFrom(now, LATER_MINUTES), request: { minutes: LATER_MINUTES } };
}

/** Before this hour on the reader's clock the night is still on: its morning is today's. */
const NIGHT_ENDS_HOUR = 5;

/**
 * The morning choice: 9:00 tomorrow, or said in the night (before 5:00) this morning's 9:00,
 * "This morning" (at 00:30, "Tomorrow" was 9:00 the day after, 32 hours on).
 */
export function nextMorning(now: Date, timeZone: string): { label: string; at: Date; request: SnoozeRequest } {
  const today = wallClock(now, timeZone);
  const at =
    today.hour < NIGHT_ENDS_HOUR
      ? zonedTimeToUtc(today.year, today.month, today.day, TOMORROW_HOUR, 0, timeZone)
      : tomorrowMorning(now, timeZone);
  return { label: today.hour < NIGHT_ENDS_HOUR ? "This morning" : "Tomorrow", at, request: { until: at.toISOString() } };
}

/** The snooze choices at `now` for a reader in `timeZone`, soonest first, each with its time. */
export function snoozeChoices(now: Date, timeZone: string, locale?: string): SnoozeChoice[] {
  const inMinutes = (label: string, minutes: number) => ({ label, at: minutesFrom(now, minutes), request: { minutes } });
  return [inMinutes("10 minutes", 10), inMinutes("1 hour", 60), laterToday(now, timeZone), nextMorning(now, timeZone)]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map(({ label, at, request }) => ({ label, time: formatTime(at, timeZone, locale), request }));
}

export interface Snoozed {
  notification: AppNotification | null;
  /** When it comes back, ISO 8601. */
  snoozedUntil: string;
}

export async function snooze(id: string, request: SnoozeRequest): Promise<Snoozed> {
  const body = await api<{ snoozed_until?: unknown }>(`notifications/${encodeURIComponent(id)}/snooze`, {
    method: "POST",
    body: request,
  });
  if (typeof body?.snoozed_until !== "string") {
    throw new ApiError(502, "bad_response", "The snooze came back in an unexpected shape.");
  }
  return { notification: toNotification(body), snoozedUntil: body.snoozed_until };
}

/**
 * The toast after a snooze, in the reader's time: "Snoozed until 3:45 PM", "Snoozed until
 * tomorrow at 9:00 AM", "Snoozed until Fri, Nov 28 at 9:00 AM".
 */
export function snoozedText(until: string, now = new Date(), timeZone?: string, locale?: string): string {
  const at = new Date(until);
  if (Number.isNaN(at.getTime())) return "Snoozed";
  return `Snoozed until ${dayAndTime(at, now, timeZone, locale)}`;
}

/** "Snoozed until 3:45 PM" while a snooze is still ahead; null when there is none, or it came back. */
export function pendingSnoozeText(
  notification: AppNotification,
  now = new Date(),
  timeZone?: string,
  locale?: string,
): string | null {
  const until = notification.snoozed_until;
  if (!until || !(new Date(until).getTime() > now.getTime())) return null;
  return snoozedText(until, now, timeZone, locale);
}

function newestFirst(a: AppNotification, b: AppNotification): number {
  return b.created_at.localeCompare(a.created_at);
}

/**
 * A list with one notification added or replaced (the stream may replay what the list already
 * holds), newest first. `unreadOnly` lists drop it when it is read.
 */
export function upsert(
  list: readonly AppNotification[] | undefined,
  notification: AppNotification,
  unreadOnly: boolean,
): AppNotification[] {
  const rest = (list ?? []).filter((item) => item.id !== notification.id);
  if (unreadOnly && notification.read) return rest;
  return [...rest, notification].sort(newestFirst);
}

/** A list after the user read one notification (or all of them, with `id` null). */
export function afterRead(
  list: readonly AppNotification[] | undefined,
  id: string | null,
  unreadOnly: boolean,
): AppNotification[] {
  const items = list ?? [];
  const matches = (item: AppNotification) => id === null || item.id === id;
  return unreadOnly ? items.filter((item) => !matches(item)) : items.map((item) => (matches(item) ? { ...item, read: true } : item));
}

/** The `data` of a stream `notification` event, or null when it is not one. */
export function parseStreamEvent(data: string): AppNotification | null {
  try {
    return toNotification(JSON.parse(data));
  } catch {
    return null;
  }
}

/** Milliseconds before reconnect attempt `attempt` (0-based) after the stream failed: 1, 2, 4 … 30 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}

/** The bell's accessible name: "Notifications, 3 unread". */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread";
}

/** The badge's text: 1 … 9, then "9+". */
export function badgeText(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 9 ? "9+" : String(unread);
}

export function taskHref(notification: AppNotification): string | null {
  return notification.task_id ? `/tasks?task=${encodeURIComponent(notification.task_id)}` : null;
}

/** The calendar day of `date` in `timeZone` (the browser's when not given), to compare days by. */
function dayKey(date: Date, timeZone = browserTimeZone()): string {
  const { year, month, day } = wallClock(date, timeZone);
  return `${year}-${month}-${day}`;
}

/**
 * A time in the reader's own words (formatTime, formatShortDay: the locale and zone the task
 * list uses): "3:45 PM", "tomorrow at 9:00 AM", "Fri, Nov 28 at 9:00 AM"; with `today`, that
 * day says "today at 3:45 PM".
 */
function dayAndTime(at: Date, now: Date, timeZone?: string, locale?: string, today = ""): string {
  const time = formatTime(at, timeZone, locale);
  const day = dayKey(at, timeZone);
  if (day === dayKey(now, timeZone)) return today ? `${today} at ${time}` : time;
  if (day === dayKey(new Date(now.getTime() + 86_400_000), timeZone)) return `tomorrow at ${time}`;
  return `${formatShortDay(at, timeZone, locale)} at ${time}`;
}

function dueDate(notification: AppNotification): Date | null {
  const due = notification.due_at ? new Date(notification.due_at) : null;
  return due && !Number.isNaN(due.getTime()) ? due : null;
}

/**
 * A reminder's heading where it stands alone (the toast, the system notification), one shape
 * for every reminder: "Reminder: Buy milk". A task with a due time has a line under it saying
 * when (reminderText), as in the bell's list.
 */
export function reminderTitle(notification: AppNotification): string {
  return `Reminder: ${notification.title}`;
}

/**
 * The line under a reminder's title, in the reader's own time: "Due today at 3:06 AM", "Due
 * tomorrow at 9:00 AM", "Due Fri, Nov 28 at 5:00 PM". Empty without a due time: the server's
 * message then only repeats the title ("Reminder: 'Buy milk'" under "Buy milk"). A reminder set
 * for the due time arrives a few seconds after it: until the due time is a minute behind (or
 * while the clock still shows its minute) that is "Due now", not "Was due today at 5:38 PM".
 */
export function reminderText(notification: AppNotification, now = new Date(), timeZone?: string, locale?: string): string {
  const due = dueDate(notification);
  if (!due) return "";
  const late = now.getTime() - due.getTime();
  const sameMinute = Math.floor(due.getTime() / 60_000) === Math.floor(now.getTime() / 60_000);
  if (sameMinute || (late >= 0 && late < 60_000)) return "Due now";
  return `${due < now ? "Was due" : "Due"} ${dayAndTime(due, now, timeZone, locale, "today")}`;
}
