import { describe, expect, it, vi } from "vitest";
import type { Task } from "@/lib/tasks";
import { toggleToast } from "./tasks-view";

vi.mock("next/navigation", () => ({ useSearchParams: () => new URLSearchParams() }));

const task = { id: "t1", title: "Pay rent", rrule: null } as Task;

describe("toggleToast", () => {
  it("says a task was completed, with Undo", () => {
    const undo = vi.fn();
    const options = toggleToast(task, true, undo);
    expect(options).toMatchObject({ tone: "success", title: "Completed “Pay rent”", action: { label: "Undo" } });
    options.action?.onClick();
    expect(undo).toHaveBeenCalledTimes(1);
    expect(toggleToast({ ...task, rrule: "FREQ=DAILY" }, true, undo).description).toBe("The next one will appear shortly.");
  });

  it("says a task was reopened, with Undo, as completing does", () => {
    const undo = vi.fn();
    const options = toggleToast({ ...task, completed: true } as Task, false, undo);
    expect(options).toMatchObject({ title: "Reopened “Pay rent”", action: { label: "Undo" } });
    options.action?.onClick();
    expect(undo).toHaveBeenCalledTimes(1);
  });
});
