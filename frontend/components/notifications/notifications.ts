/**
 * In-app notifications (API.md, Notifications): the API calls and the pure rules that keep the
 * bell's cached lists right as the server-sent stream and the user's clicks change them.
 *
 * Query keys: ["notifications", "unread"] (the bell's count and list) and
 * ["notifications", "all"].
 */
import { api, ApiError } from "@/lib/api";
import { addDays, wallClock, zonedTimeToUtc } from "@/lib/zoned-time";

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

export interface SnoozeOption {
  /** What the control says: "10 minutes", "1 hour", "Tomorrow at 9:00 AM". */
  label: string;
  request: (now: Date, timeZone: string) => SnoozeRequest;
}

const TOMORROW_HOUR = 9;

/** 9:00 tomorrow on the wall clock of `timeZone` (the user's), as an instant. */
export function tomorrowMorning(now: Date, timeZone: string): Date {
  const today = wallClock(now, timeZone);
  const next = addDays(today.year, today.month, today.day, 1);
  return zonedTimeToUtc(next.year, next.month, next.day, TOMORROW_HOUR, 0, timeZone);
}

export const SNOOZE_OPTIONS: readonly SnoozeOption[] = [
  { label: "10 minutes", request: () => ({ minutes: 10 }) },
  { label: "1 hour", request: () => ({ minutes: 60 }) },
  {
    label: "Tomorrow at 9:00 AM",
    request: (now, timeZone) => ({ until: tomorrowMorning(now, timeZone).toISOString() }),
  },
];


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
export function snoozedText(until: string, now = new Date(), timeZone?: string): string {
  const at = new Date(until);
  if (Number.isNaN(at.getTime())) return "Snoozed";
  const time = at.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone });
  const tomorrow = new Date(now.getTime() + 86_400_000);
  if (dayKey(at, timeZone) === dayKey(now, timeZone)) return `Snoozed until ${time}`;
  if (dayKey(at, timeZone) === dayKey(tomorrow, timeZone)) return `Snoozed until tomorrow at ${time}`;
  const day = at.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", timeZone });
  return `Snoozed until ${day} at ${time}`;
}

/** "Snoozed until 3:45 PM" while a snooze is still ahead; null when there is none, or it came back. */
export function pendingSnoozeText(notification: AppNotification, now = new Date(), timeZone?: string): string | null {
  const until = notification.snoozed_until;
  if (!until || !(new Date(until).getTime() > now.getTime())) return null;
  return snoozedText(until, now, timeZone);
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

function dayKey(date: Date, timeZone?: string): string {
  return date.toLocaleDateString("en-CA", { timeZone });
}

function dueDate(notification: AppNotification): Date | null {
  const due = notification.due_at ? new Date(notification.due_at) : null;
  return due && !Number.isNaN(due.getTime()) ? due : null;
}

/**
 * A reminder's heading where it stands alone (the toast, the system notification): the task's
 * title, with a line under it saying when it is due (reminderText). A task without a due date
 * has no such line, so its heading says what it is: "Reminder: Buy milk".
 */
export function reminderTitle(notification: AppNotification): string {
  return dueDate(notification) ? notification.title : `Reminder: ${notification.title}`;
}

/**
 * The line under a reminder's title, in the reader's own time: "Due today at 3:06 AM", "Due
 * tomorrow at 9:00 AM", "Due Fri, Nov 28 at 5:00 PM". Empty without a due time: the server's
 * message then only repeats the title ("Reminder: 'Buy milk'" under "Buy milk"). A reminder set
 * for the due time arrives a few seconds after it: until the due time is a minute behind (or
 * while the clock still shows its minute) that is "Due now", not "Was due today at 5:38 PM".
 */
export function reminderText(notification: AppNotification, now = new Date(), timeZone?: string): string {
  const due = dueDate(notification);
  if (!due) return "";
  const late = now.getTime() - due.getTime();
  const sameMinute = Math.floor(due.getTime() / 60_000) === Math.floor(now.getTime() / 60_000);
  if (sameMinute || (late >= 0 && late < 60_000)) return "Due now";
  const time = due.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone });
  const tomorrow = new Date(now.getTime() + 86_400_000);
  const day =
    dayKey(due, timeZone) === dayKey(now, timeZone)
      ? "today"
      : dayKey(due, timeZone) === dayKey(tomorrow, timeZone)
        ? "tomorrow"
        : due.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", timeZone });
  return `${due < now ? "Was due" : "Due"} ${day} at ${time}`;
}
