import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api";
import { failureText, NotAdded } from "./bulk-actions";
import { batchUndoneToast, progressToast, PROGRESS_AFTER_MS, PROGRESS_EVERY_MS } from "./selection-bar";
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

describe("progressToast", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("changes its words (a live region: each change is read out) every few seconds, not once a task", () => {
    vi.useFakeTimers();
    const toast = vi.fn(() => 7);
    const update = vi.fn();
    const dismiss = vi.fn();
    const progress = progressToast({ toast, update, dismiss }, "Completing", 50);
    vi.advanceTimersByTime(PROGRESS_AFTER_MS);
    expect(toast).toHaveBeenCalledTimes(1);
    // 50 tasks done over 5 s, one every 100 ms: the words change at most every PROGRESS_EVERY_MS.
    for (let done = 1; done <= 40; done++) {
      progress.report({ done, failed: 0, total: 50, resumeAt: null });
      vi.advanceTimersByTime(100);
    }
    expect(update.mock.calls.length).toBeGreaterThan(0);
    expect(update.mock.calls.length).toBeLessThanOrEqual(Math.ceil((40 * 100) / PROGRESS_EVERY_MS));
    expect(update).toHaveBeenLastCalledWith(7, expect.objectContaining({ description: expect.stringMatching(/^\d+ of 50 done\./) }));
    // The server asks to wait: said at once; and at once again when the wait is over.
    const calls = update.mock.calls.length;
    progress.report({ done: 40, failed: 0, total: 50, resumeAt: Date.now() + 2_000 });
    expect(update).toHaveBeenCalledTimes(calls + 1);
    expect(update.mock.lastCall?.[1].description).toContain("going on in 2 s");
    vi.advanceTimersByTime(2_000);
    progress.report({ done: 41, failed: 0, total: 50, resumeAt: null });
    expect(update).toHaveBeenCalledTimes(calls + 2);
    expect(update.mock.lastCall?.[1].description).toBe("41 of 50 done. Keep this tab open until it finishes.");
    progress.end();
    expect(dismiss).toHaveBeenCalledWith(7);
    vi.advanceTimersByTime(10_000);
    expect(update).toHaveBeenCalledTimes(calls + 2);
  });
});
