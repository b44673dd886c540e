/**
 * The API's task shapes as zod/mini schemas. Loaded on demand by lib/tasks.ts, in parallel with
 * the first request, so zod is not part of the page's first load; import the types from
 * lib/tasks.ts.
 */
import * as z from "zod/mini";
import { PRIORITIES } from "./tasks";

const nullableString = z._default(z.nullable(z.string()), null);

export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z._default(z.string(), ""),
  completed: z.boolean(),
  completed_at: nullableString,
  priority: z.enum(PRIORITIES),
  tags: z._default(z.array(z.string()), []),
  due_at: nullableString,
  remind_at: nullableString,
  rrule: nullableString,
  repeat_from: z._default(z.enum(["due", "completion"]), "due"),
  timezone: nullableString,
  is_recurring: z._default(z.boolean(), false),
  series_id: nullableString,
  parent_task_id: nullableString,
  next_occurrence: nullableString,
  version: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskPageSchema = z.object({
  items: z.array(taskSchema),
  next_cursor: nullableString,
  // The typo-corrected search these results are for, when the search as typed found nothing.
  corrected_search: nullableString,
});
export type TaskPage = z.infer<typeof taskPageSchema>;

export const tagsSchema = z.object({
  suggested: z.array(z.string()),
  used: z.array(z.object({ tag: z.string(), count: z.number() })),
});
export type Tags = z.infer<typeof tagsSchema>;

export const recurrencePreviewSchema = z.object({
  rrule: z.string(),
  description: z.string(),
  dtstart: z.nullable(z.string()),
  tz: z.string(),
  occurrences: z.array(z.string()),
});
export type RecurrencePreview = z.infer<typeof recurrencePreviewSchema>;

/** GET /api/recurrence/next: where completing an open instance now would put the next one. */
export const recurrenceNextSchema = z.object({ next_due: z.nullable(z.string()) });
