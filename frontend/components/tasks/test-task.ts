import type { Task } from "@/lib/tasks";

/** A task as the API answers it, for component tests: open, Medium, undated; `fields` override. */
export function testTask(fields: Partial<Task> = {}): Task {
  return {
    id: "t1",
    title: "Buy milk",
    description: "",
    completed: false,
    completed_at: null,
    priority: "MEDIUM",
    tags: [],
    due_at: null,
    remind_at: null,
    rrule: null,
    repeat_from: "due",
    timezone: null,
    is_recurring: false,
    series_id: null,
    parent_task_id: null,
    next_occurrence: null,
    version: 1,
    created_at: "2030-01-01T00:00:00Z",
    updated_at: "2030-01-01T00:00:00Z",
    ...fields,
  };
}
