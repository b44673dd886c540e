import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Task } from "@/lib/tasks";
import { testTask } from "./test-task";
import { addedToast, addressWithSearch, loadView, movedToTomorrow, pastDueToast, startingOrder, toggleToast } from "./tasks-view";

vi.mock("next/navigation", () => ({ useSearchParams: () => new URLSearchParams() }));

const task = { id: "t1", title: "Pay rent", rrule: null } as Task;

describe("toggleToast", () => {
  it("says a task was completed, with Undo", () => {
    const undo = vi.fn();
    const options = toggleToast(task, true, undo);
    expect(options).toMatchObject({ tone: "success", title: "Completed “Pay rent”", action: { label: "Undo" } });
    options.action?.onClick();
    expect(undo).toHaveBeenCalledTimes(1);
    // A repeating task without a due time: its next one comes, when is not known ahead.
    const daily = testTask({ title: "Pay rent", rrule: "FREQ=DAILY", is_recurring: true, series_id: "s1" });
    expect(toggleToast(daily, true, undo).description).toBe("The next one will appear shortly.");
  });

  it("says a task was reopened, with Undo, as completing does", () => {
    const undo = vi.fn();
    const options = toggleToast({ ...task, completed: true } as Task, false, undo);
    expect(options).toMatchObject({ title: "Reopened “Pay rent”", action: { label: "Undo" } });
    options.action?.onClick();
    expect(undo).toHaveBeenCalledTimes(1);
  });
});

describe("loadView", () => {
  it("keeps a saved direction, whichever the sort starts with (Created, oldest first stays so)", () => {
    expect(loadView('{"sort":"created_at","order":"asc"}')).toMatchObject({ sort: "created_at", order: "asc" });
    expect(loadView('{"sort":"created_at","order":"desc"}')).toMatchObject({ sort: "created_at", order: "desc" });
    expect(loadView('{"sort":"title","order":"desc"}')).toMatchObject({ sort: "title", order: "desc" });
  });

  it("starts a sort saved without a direction the way picking it does (Created newest first)", () => {
    // Before: ascending whatever the sort, so Created listed the oldest first.
    expect(loadView('{"sort":"created_at"}')).toMatchObject({ sort: "created_at", order: "desc" });
    expect(loadView('{"sort":"created_at","order":"sideways"}')).toMatchObject({ order: "desc" });
    expect(loadView('{"sort":"due_at"}')).toMatchObject({ sort: "due_at", order: "asc" });
    expect(loadView(null)).toMatchObject({ sort: null, order: "asc" });
    expect(loadView("not json")).toMatchObject({ sort: null, order: "asc" });
  });
});

describe("startingOrder", () => {
  it("is newest first for Created, the API's asc (soonest, A→Z, highest priority) for the others", () => {
    expect(startingOrder("created_at")).toBe("desc");
    expect(["due_at", "title", "priority", null].map((sort) => startingOrder(sort as never))).toEqual(["asc", "asc", "asc", "asc"]);
  });
});

describe("addressWithSearch", () => {
  const at = "http://localhost:3000";
  it("sets, replaces or takes out ?search=, keeping the other parameters and the hash", () => {
    expect(addressWithSearch(`${at}/tasks`, "buy milk")).toBe("/tasks?search=buy+milk");
    expect(addressWithSearch(`${at}/tasks?view=week&search=old#top`, "new")).toBe("/tasks?view=week&search=new#top");
    expect(addressWithSearch(`${at}/tasks?search=old&view=week#top`, "")).toBe("/tasks?view=week#top");
    expect(addressWithSearch(`${at}/tasks?search=`, "")).toBe("/tasks");
    expect(new URL(addressWithSearch(`${at}/tasks`, "a&b=c #1")!, at).searchParams.get("search")).toBe("a&b=c #1");
  });

  it("is null when the address already shows that search (nothing to replace)", () => {
    expect(addressWithSearch(`${at}/tasks`, "")).toBeNull();
    expect(addressWithSearch(`${at}/tasks?task=t1`, "")).toBeNull();
    expect(addressWithSearch(`${at}/tasks?search=buy%20milk`, "buy milk")).toBeNull();
  });
});

describe("pastDueToast", () => {
  const now = new Date(2030, 0, 7, 17, 17);
  const at = (day: number, hour: number) => new Date(2030, 0, day, hour, 0).toISOString();
  it("says when a task added was due, and that it has passed", () => {
    expect(pastDueToast(testTask({ title: "Pay bill", due_at: at(7, 15) }), now, () => {})).toMatchObject({
      title: "Added “Pay bill”",
      description: "Due 3:00 PM today, which has passed.",
      action: { label: "Move to tomorrow" },
    });
    expect(pastDueToast(testTask({ due_at: at(6, 15) }), now, () => {})?.description).toBe("Due yesterday 3:00 PM, which has passed.");
  });
  it("is null for a task due later, undated or completed (guards)", () => {
    expect(pastDueToast(testTask({ due_at: at(7, 20) }), now, () => {})).toBeNull();
    expect(pastDueToast(testTask({ due_at: null }), now, () => {})).toBeNull();
    expect(pastDueToast(testTask({ due_at: at(7, 15), completed: true }), now, () => {})).toBeNull();
  });
});

describe("movedToTomorrow", () => {
  it("is tomorrow at the task's time, its reminder moved as much", () => {
    const now = new Date(2030, 0, 7, 17, 17);
    const task = testTask({ due_at: new Date(2030, 0, 6, 15, 0).toISOString(), remind_at: new Date(2030, 0, 6, 14, 45).toISOString() });
    expect(movedToTomorrow(task, now)).toEqual({
      due_at: new Date(2030, 0, 8, 15, 0).toISOString(),
      remind_at: new Date(2030, 0, 8, 14, 45).toISOString(),
    });
    expect(movedToTomorrow(testTask({ due_at: new Date(2030, 0, 7, 15, 0).toISOString() }), now)).toEqual({
      due_at: new Date(2030, 0, 8, 15, 0).toISOString(),
    });
  });
});

describe("movedToTomorrow across a daylight-saving change", () => {
  // The browser in London, where summer time starts on Sunday 28 March 2027.
  beforeEach(() => void vi.stubEnv("TZ", "Europe/London"));
  afterEach(() => void vi.unstubAllEnvs());
  const now = new Date("2027-03-27T12:00:00Z");

  it("keeps the evening before at 18:00 on the wall clock (before: 17:00, the elapsed day)", () => {
    const task = testTask({ due_at: "2027-03-27T07:00:00.000Z", remind_at: "2027-03-26T18:00:00.000Z" });
    expect(movedToTomorrow(task, now)).toEqual({ due_at: "2027-03-28T06:00:00.000Z", remind_at: "2027-03-27T18:00:00.000Z" });
  });

  it("keeps 30 minutes before 30 minutes before, and the task's own zone wins over the browser's", () => {
    const soon = testTask({ due_at: "2027-03-27T07:00:00.000Z", remind_at: "2027-03-27T06:30:00.000Z" });
    expect(movedToTomorrow(soon, now).remind_at).toBe("2027-03-28T05:30:00.000Z");
    const utc = testTask({ due_at: "2027-03-27T07:00:00.000Z", remind_at: "2027-03-26T18:00:00.000Z", timezone: "UTC" });
    expect(movedToTomorrow(utc, now).remind_at).toBe("2027-03-27T17:00:00.000Z");
  });
});

describe("addedToast", () => {
  const hidden = { title: "Added “Pay bill”", description: "Your search hides it.", action: { label: "Clear search", onClick: () => {} } };
  const late = {
    title: "Added “Pay bill”",
    description: "Due 3:00 PM today, which has passed.",
    action: { label: "Move to tomorrow", onClick: () => {} },
  };

  it("says both in one, with Move to tomorrow", () => {
    expect(addedToast(hidden, late)).toEqual({ ...late, description: "Due 3:00 PM today, which has passed. Your search hides it." });
  });

  it("is either one alone as it was, or nothing (guards)", () => {
    expect(addedToast(hidden, null)).toBe(hidden);
    expect(addedToast(null, late)).toBe(late);
    expect(addedToast(null, null)).toBeNull();
  });
});
