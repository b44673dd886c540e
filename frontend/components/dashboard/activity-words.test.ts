import { describe, expect, it } from "vitest";
import { activityParts } from "./activity-words";
import { activityItemSchema, type ActivityDetails } from "./stats-data";

const none: ActivityDetails = {
  title: "Pay rent",
  due_at: null,
  changes: [],
  next_instance: false,
  series_ended: false,
  withdrawn: false,
};

function entry(type: string, details: Partial<ActivityDetails> = {}) {
  // The summary is audit-service's English; the line must not come from it.
  return { type, summary: "(the summary)", details: { ...none, ...details } };
}

function updated(...changes: [string, unknown, unknown][]) {
  return activityParts(entry("task.updated", { changes: changes.map(([field, old, now]) => ({ field, old, new: now })) }));
}

describe("activityItemSchema", () => {
  // The shape audit-service answers (checked against the running stack).
  const item = {
    event_id: "e1",
    type: "task.updated",
    task_id: "t1",
    occurred_at: "2026-11-26T07:00:00Z",
    summary: "Due date set to Nov 28, 2026, 8:00 AM UTC for 'Pay rent'",
    details: { ...none, due_at: "2026-11-28T08:00:00Z", changes: [{ field: "due_at", old: null, new: "2026-11-28T08:00:00Z" }] },
  };

  it("reads the details", () => {
    expect(activityItemSchema.parse(item).details?.changes).toEqual([{ field: "due_at", old: null, new: "2026-11-28T08:00:00Z" }]);
  });

  it("takes malformed details as none, and an answer without them", () => {
    expect(activityItemSchema.parse({ ...item, details: { ...item.details, changes: "due_at" } }).details).toBeNull();
    expect(activityItemSchema.parse({ ...item, details: null }).details).toBeNull();
    expect(activityItemSchema.parse({ ...item, details: undefined }).details).toBeUndefined();
  });
});

describe("activityParts", () => {
  it("tells what happened to the task in the app's words", () => {
    expect(activityParts(entry("task.created"))).toEqual(["Created 'Pay rent'"]);
    expect(activityParts(entry("task.completed"))).toEqual(["Completed 'Pay rent'"]);
    expect(activityParts(entry("task.reopened"))).toEqual(["Reopened 'Pay rent'"]);
    expect(activityParts(entry("task.deleted"))).toEqual(["Deleted 'Pay rent'"]);
    expect(activityParts(entry("task.deleted", { series_ended: true }))).toEqual(["Deleted 'Pay rent' and ended its series"]);
    expect(activityParts(entry("task.deleted", { withdrawn: true }))).toEqual([
      "Removed the next 'Pay rent' because the previous one was reopened",
    ]);
    expect(activityParts(entry("task.completed", { title: null }))).toEqual(["Completed 'a task'"]);
  });

  it("leaves the times as instants, for the feed to write in the reader's zone", () => {
    expect(activityParts(entry("task.created", { next_instance: true, due_at: "2026-12-01T09:00:00Z" }))).toEqual([
      "Next 'Pay rent' scheduled for ",
      { at: "2026-12-01T09:00:00.000Z" },
    ]);
    // A next instance without a due time is told as a task created.
    expect(activityParts(entry("task.created", { next_instance: true }))).toEqual(["Created 'Pay rent'"]);
    expect(activityParts(entry("reminder.due", { due_at: "2026-12-01T09:00:00Z" }))).toEqual([
      "Reminder for 'Pay rent' (due ",
      { at: "2026-12-01T09:00:00.000Z" },
      ")",
    ]);
    expect(activityParts(entry("reminder.due"))).toEqual(["Reminder for 'Pay rent'"]);
    expect(updated(["due_at", "2026-07-01T12:00:00Z", "2026-11-28T08:00:00+00:00"])).toEqual([
      "Due date changed from ",
      { at: "2026-07-01T12:00:00.000Z" },
      " to ",
      { at: "2026-11-28T08:00:00.000Z" },
      " for 'Pay rent'",
    ]);
    expect(updated(["remind_at", null, "2026-12-01T08:00:00Z"])).toEqual([
      "Reminder set to ",
      { at: "2026-12-01T08:00:00.000Z" },
      " for 'Pay rent'",
    ]);
    expect(updated(["due_at", "2026-12-01T09:00:00Z", null])).toEqual(["Due date removed for 'Pay rent'"]);
    // What is not a time stays words.
    expect(updated(["due_at", null, "someday"])).toEqual(["Due date set to someday for 'Pay rent'"]);
  });

  it("tells each change with the task list's names, joined", () => {
    expect(updated(["priority", "MEDIUM", "VERY_IMPORTANT"])).toEqual(["Priority changed from Medium to Urgent for 'Pay rent'"]);
    expect(updated(["title", "Rent", "Pay rent"])).toEqual(["Renamed 'Rent' to 'Pay rent'"]);
    expect(updated(["title", "Rent", "Pay rent"], ["priority", "LOW", "HIGH"])).toEqual([
      "Renamed 'Rent' to 'Pay rent'; priority changed from Low to High",
    ]);
    expect(updated(["priority", "LOW", "HIGH"], ["due_at", null, "2026-12-01T09:00:00Z"])).toEqual([
      "Priority changed from Low to High; due date set to ",
      { at: "2026-12-01T09:00:00.000Z" },
      " for 'Pay rent'",
    ]);
    expect(updated(["rrule", null, "FREQ=MONTHLY;BYMONTHDAY=1"])).toEqual(["Repeat set to every month on the 1st for 'Pay rent'"]);
    expect(updated(["rrule", "FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"])).toEqual([
      "Repeat changed from every day to every weekday for 'Pay rent'",
    ]);
    expect(updated(["rrule", "FREQ=DAILY", null])).toEqual(["Repeat removed for 'Pay rent'"]);
    expect(updated(["repeat_from", "due", "completion"])).toEqual(["Repeat from completion instead of the due date for 'Pay rent'"]);
    expect(updated(["tags", ["Work"], ["Work", "Finance"]])).toEqual(["Tag 'Finance' added for 'Pay rent'"]);
    expect(updated(["tags", ["Work", "Home"], ["Errands"]])).toEqual(["Tag 'Errands' added; tags 'Work', 'Home' removed for 'Pay rent'"]);
    expect(updated(["tags", ["work"], ["Work"]])).toEqual(["Tags changed for 'Pay rent'"]);
    expect(updated(["description", "", "Bank transfer"])).toEqual(["Description added for 'Pay rent'"]);
    expect(updated(["description", "a", "b"])).toEqual(["Description edited for 'Pay rent'"]);
    expect(updated(["description", "a", ""])).toEqual(["Description removed for 'Pay rent'"]);
    expect(updated(["some_new_field", 1, 2])).toEqual(["Some new field changed for 'Pay rent'"]);
    expect(updated()).toEqual(["Updated 'Pay rent'"]);
  });

  it("shows the summary as it is, times and all, where there are no details or the type is new", () => {
    const summary = "Due date set to Nov 28, 2026, 8:00 AM UTC for 'Pay rent'";
    expect(activityParts({ type: "task.updated", summary, details: null })).toEqual([summary]);
    expect(activityParts({ type: "task.updated", summary, details: undefined })).toEqual([summary]);
    expect(activityParts({ type: "task.archived", summary: "Archived 'Pay rent'", details: none })).toEqual(["Archived 'Pay rent'"]);
    expect(activityParts({ type: "task.archived", summary: "", details: null })).toEqual(["task.archived"]);
  });
});
