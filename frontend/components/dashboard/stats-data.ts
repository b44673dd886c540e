/**
 * The dashboard's data: GET /api/stats and GET /api/activity (API.md), and the pure mapping
 * from their answers to what the charts and cards draw.
 *
 * Query keys: ["stats", days, tz] and ["activity", limit]; anything that changes tasks
 * invalidates the ["stats"] and ["activity"] prefixes.
 */
import { z } from "zod";
import { api } from "@/lib/api";
// The same words for priorities as the task list ("Urgent" for VERY_IMPORTANT).
import { PRIORITIES, PRIORITY_LABEL, type Priority } from "@/lib/tasks";
import { formatCalendarDate } from "@/lib/time";

const count = z.number().int().nonnegative().catch(0);

export const statsSchema = z.object({
  completed_per_day: z.array(z.object({ date: z.string(), count })),
  open_by_priority: z.record(z.string(), count).catch({}),
  by_tag: z.record(z.string(), count).catch({}),
  completion_rate: z.number().min(0).max(1).catch(0),
  current_streak: count,
  overdue: count,
});
export type Stats = z.infer<typeof statsSchema>;

/** The facts an entry's summary is told from (audit-service's `details`). */
const activityDetailsSchema = z.object({
  title: z.string().nullable(),
  due_at: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
  next_instance: z.boolean(),
  series_ended: z.boolean(),
  withdrawn: z.boolean(),
});
export type ActivityDetails = z.infer<typeof activityDetailsSchema>;

export const activityItemSchema = z.object({
  event_id: z.string(),
  type: z.string(),
  task_id: z.string().nullish(),
  occurred_at: z.string(),
  summary: z.string().catch(""),
  // Null (or absent, from an older audit-service) where the stored event no longer reads;
  // anything malformed counts as none, so the entry shows its summary rather than half a line.
  details: activityDetailsSchema.nullish().catch(null),
});
export type ActivityItem = z.infer<typeof activityItemSchema>;

const activitySchema = z.object({ items: z.array(activityItemSchema) });

export const statsKey = (days: number, tz: string) => ["stats", days, tz] as const;
export const activityKey = (limit: number) => ["activity", limit] as const;

export function fetchStats(days: number, tz: string): Promise<Stats> {
  return api(`stats?${new URLSearchParams({ days: String(days), tz })}`, { schema: statsSchema });
}

/**
 * The feed, newest first. The feed writes each entry from its `details` (activity-words.ts),
 * its times in the reader's zone and style; the summaries (English, times in UTC) are only
 * shown where an entry has no details.
 */
export async function fetchActivity(limit: number): Promise<ActivityItem[]> {
  const body = await api(`activity?${new URLSearchParams({ limit: String(limit) })}`, { schema: activitySchema });
  return body.items;
}

export interface DayPoint {
  date: string;
  /** "Nov 3": the axis and tooltip label. */
  label: string;
  count: number;
}

/**
 * "2026-11-03" → "Nov 3" ("3 Nov" for a reader in Germany: lib/time's rule, as the activity
 * log's times), read as a calendar date (no time zone shift).
 */
export function dayLabel(date: string): string {
  return formatCalendarDate("monthDay", date) ?? date;
}

/** Completed per day, oldest first, every day present. */
export function dailySeries(stats: Pick<Stats, "completed_per_day">): DayPoint[] {
  return [...stats.completed_per_day]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day) => ({ date: day.date, label: dayLabel(day.date), count: day.count }));
}

export function completedTotal(stats: Pick<Stats, "completed_per_day">): number {
  return stats.completed_per_day.reduce((sum, day) => sum + day.count, 0);
}

/** Bar colours: design tokens, so both themes apply. */
export const PRIORITY_COLOR: Record<Priority, string> = {
  VERY_IMPORTANT: "var(--danger)",
  HIGH: "var(--warning)",
  MEDIUM: "var(--accent)",
  LOW: "var(--muted)",
};

export interface Bar {
  key: string;
  label: string;
  count: number;
}

/** Open tasks per priority, most important first, all four present. */
export function priorityBars(stats: Pick<Stats, "open_by_priority">): Bar[] {
  return PRIORITIES.map((key) => ({ key, label: PRIORITY_LABEL[key], count: stats.open_by_priority[key] ?? 0 }));
}

/** Open tasks per tag, most first (ties by name), at most `limit`; the rest summed as "Other". */
export function tagBars(stats: Pick<Stats, "by_tag">, limit = 8): Bar[] {
  const bars = Object.entries(stats.by_tag)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, undefined, { sensitivity: "base" }))
    .map(([tag, n]) => ({ key: tag, label: `#${tag}`, count: n }));
  if (bars.length <= limit) return bars;
  const rest = bars.slice(limit - 1).reduce((sum, bar) => sum + bar.count, 0);
  return [...bars.slice(0, limit - 1), { key: "__other", label: "Other tags", count: rest }];
}

export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One sentence a screen reader hears for the daily chart. */
export function dailySummary(points: DayPoint[]): string {
  const total = points.reduce((sum, p) => sum + p.count, 0);
  if (total === 0) return `No tasks completed in the last ${plural(points.length, "day")}.`;
  const best = points.reduce((top, p) => (p.count > top.count ? p : top), points[0]);
  return `${plural(total, "task")} completed in the last ${plural(points.length, "day")}; the most, ${best.count}, on ${best.label}.`;
}
