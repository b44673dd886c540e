/**
 * In-app notifications (API.md, Notifications): the API calls and the pure rules that keep the
 * bell's cached lists right as the server-sent stream and the user's clicks change them.
 *
 * Query keys: ["notifications", "unread"] (the bell's count and list) and
 * ["notifications", "all"].
 */
import { z } from "zod";
import { api } from "@/lib/api";

export const notificationSchema = z.object({
  id: z.string(),
  task_id: z.string().nullish(),
  title: z.string().catch("Reminder"),
  message: z.string().catch(""),
  created_at: z.string(),
  read: z.boolean().catch(false),
  remind_at: z.string().nullish(),
  due_at: z.string().nullish(),
});
export type AppNotification = z.infer<typeof notificationSchema>;

const listSchema = z.object({ items: z.array(notificationSchema) });

export const unreadKey = ["notifications", "unread"] as const;
export const allKey = ["notifications", "all"] as const;

export async function fetchNotifications(unreadOnly: boolean): Promise<AppNotification[]> {
  const body = await api(unreadOnly ? "notifications?unread=true" : "notifications", { schema: listSchema });
  return body.items;
}

export function markRead(id: string): Promise<unknown> {
  return api(`notifications/${encodeURIComponent(id)}/read`, { method: "POST" });
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
    const parsed = notificationSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
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

/**
 * What a reminder says, in the reader's own time: "Due today at 3:06 AM", "Due tomorrow at
 * 9:00 AM", "Due Fri, Nov 28 at 5:00 PM". Without a due time, the server's message.
 */
export function reminderText(notification: AppNotification, now = new Date(), timeZone?: string): string {
  const due = notification.due_at ? new Date(notification.due_at) : null;
  if (!due || Number.isNaN(due.getTime())) return notification.message;
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
