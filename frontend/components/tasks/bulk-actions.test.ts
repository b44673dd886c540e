import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api";
import { failureText, NotAdded } from "./bulk-actions";
import { batchUndoneToast } from "./selection-bar";
import { testTask } from "./test-task";

const changed = () => new ApiError(412, "precondition_failed", "changed");

describe("failureText", () => {
  it("keeps the failed tasks selected and says so", () => {
    expect(failureText([{ task: testTask(), error: changed() }], "completed")).toBe(
      "1 task was not completed: changed somewhere else meanwhile (shown as it is now). It stays selected.",
    );
  });

  it("says no 'stays selected' of a task the server refused to add: its row is gone", () => {
    expect(failureText([{ task: testTask(), error: new NotAdded() }], "deleted")).toBe("1 task was not deleted: never added (the server refused it).");
    expect(
      failureText(
        [
          { task: testTask({ id: "a" }), error: new NotAdded() },
          { task: testTask({ id: "b" }), error: changed() },
        ],
        "deleted",
      ),
    ).toBe("2 tasks were not deleted: 1 never added (the server refused it); 1 changed somewhere else meanwhile (shown as it is now). 1 stays selected.");
  });
});

describe("batchUndoneToast", () => {
  const words = { notDone: "brought back", undid: (count: string) => `Restored ${count}` };
  const done = (id: string) => ({ task: testTask({ id }), result: null });
  const failed = (id: string) => ({ task: testTask({ id }), error: changed() });

  it("says what the Undo did once all of it is done", () => {
    expect(batchUndoneToast({ done: [done("a"), done("b")], failed: [] }, words)).toEqual({ tone: "info", title: "Restored 2 tasks" });
    expect(batchUndoneToast({ done: [done("a")], failed: [] }, words)).toEqual({ tone: "info", title: "Restored 1 task" });
  });

  it("says how many of them, and why not the rest; that it was not, when none", () => {
    expect(batchUndoneToast({ done: [done("a"), done("b")], failed: [failed("c")] }, words)).toMatchObject({
      tone: "error",
      title: "Restored 2 of 3 tasks",
      description: "1 task was not brought back: changed somewhere else meanwhile (shown as it is now).",
    });
    expect(batchUndoneToast({ done: [], failed: [failed("c")] }, words)).toMatchObject({ tone: "error", title: "Undo was not complete" });
  });
});
