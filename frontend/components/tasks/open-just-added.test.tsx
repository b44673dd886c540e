// @vitest-environment jsdom
/**
 * A task clicked the moment it was quick-added (its row shown before the server has made it) opens
 * as soon as the server answers. User test: "Client A timesheet" + Enter, then a click on the new
 * row at once: the drawer did not appear within 15 s (the click on the optimistic row was dropped,
 * and the row only got its id from the lists' refetch).
 */
import { QueryClient } from "@tanstack/react-query";
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Task } from "@/lib/tasks";
import { testTask } from "./test-task";
import { followAddress } from "@/lib/test-address";
import { renderTasksView, stubListGlobals } from "./test-screen";

vi.mock("next/navigation", () => import("@/lib/test-address"));

let stored: Task[];
/** Held requests: the create, and the lists fetched again after it. */
let answerCreate: (() => void) | null;
let answerLists: Array<() => void>;
let created: Task | null;
let refuse: boolean;
/** Every request but the create and the reads: "METHOD /path". */
let sent: string[];

beforeEach(() => {
  stored = [testTask({ id: "w1", title: "Submit report" })];
  answerCreate = null;
  answerLists = [];
  created = null;
  refuse = false;
  sent = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = new URL(url, "http://localhost").pathname;
      if (init?.method && init.method !== "GET" && !path.endsWith("/tasks")) {
        sent.push(`${init.method} ${path}`);
        const task = stored.find((t) => path.includes(`/tasks/${t.id}/`)) ?? testTask({ id: "unknown" });
        return Response.json({ ...task, completed: true, completed_at: new Date().toISOString(), version: task.version + 1 });
      }
      if (init?.method === "POST") {
        await new Promise<void>((resolve) => (answerCreate = resolve));
        if (refuse) return Response.json({ error: { code: "unavailable", message: "Try later" } }, { status: 503 });
        created = testTask({ ...JSON.parse(String(init.body)), id: "made-1" });
        stored.push(created);
        return Response.json(created, { status: 201 });
      }
      if (path.endsWith("/tasks/made-1")) return Response.json(created);
      const items = [...stored];
      // Lists fetched after the create wait until the test lets them through.
      if (created || answerCreate) await new Promise<void>((resolve) => answerLists.push(resolve));
      return Response.json({ items, next_cursor: null, corrected_search: null });
    }),
  );
  window.history.replaceState(null, "", "/tasks");
  followAddress();
  stubListGlobals();
});
afterEach(() => {
  for (const answer of answerLists) answer();
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderTasks() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  renderTasksView(client);
}

async function addAndClick(text: string) {
  renderTasks();
  await screen.findByRole("button", { name: "Submit report. Open details" }, { timeout: 10_000 });
  const box = await screen.findByLabelText("Quick add a task");
  fireEvent.change(box, { target: { value: text } });
  await screen.findByText("Adds", undefined, { timeout: 10_000 });
  fireEvent.submit(box.closest("form")!);
  await vi.waitFor(() => expect(answerCreate).not.toBeNull());
  // The new row, still waiting for the server: clicked at once.
  fireEvent.click(await screen.findByRole("button", { name: `${text}. Open details` }));
}

const drawer = () => screen.queryByRole("dialog", { name: "Edit task" });

/**
 * "Call the plumber" added with the quick-add, its create not answered yet, and focus moved onto
 * its row (first, above "Submit report") with the keyboard before the server answers.
 */
async function addAndFocusPending() {
  renderTasks();
  const report = await screen.findByRole("button", { name: "Submit report. Open details" }, { timeout: 10_000 });
  const box = await screen.findByLabelText("Quick add a task");
  fireEvent.change(box, { target: { value: "Call the plumber" } });
  await screen.findByText("Adds", undefined, { timeout: 10_000 });
  fireEvent.submit(box.closest("form")!);
  await vi.waitFor(() => expect(answerCreate).not.toBeNull());
  const pending = await screen.findByRole("button", { name: "Call the plumber. Open details" });
  fireEvent.focus(report);
  report.focus();
  fireEvent.keyDown(report, { key: "ArrowUp" });
  await vi.waitFor(() => expect(document.activeElement).toBe(pending));
  return { pending };
}

describe("a task clicked while it is being added", () => {
  it("opens as soon as the server has made it, before the lists are fetched again", async () => {
    await addAndClick("Client A timesheet");
    expect(drawer()).toBeNull(); // not made yet: nothing to edit
    await act(async () => answerCreate!());
    const opened = await screen.findByRole("dialog", { name: "Edit task" }, { timeout: 5_000 });
    expect(answerLists.length).toBeGreaterThan(0); // the refetch is still held back
    expect(opened.contains(screen.getByDisplayValue("Client A timesheet"))).toBe(true);
    expect(new URLSearchParams(window.location.search).get("task")).toBe("made-1");
  }, 30_000);

  it("gives the row the server's id when the create is answered", async () => {
    await addAndClick("Call the plumber");
    await act(async () => answerCreate!());
    await vi.waitFor(() => expect(document.querySelector('[data-task-id="made-1"]')).not.toBeNull());
    expect(document.querySelector('[data-task-id^="optimistic-"]')).toBeNull();
  }, 30_000);

  it("keeps focus on the row, and the list's keys on it, when the server's task takes the row's place", async () => {
    const { pending } = await addAndFocusPending();
    expect(pending.closest("[data-task-id]")?.getAttribute("data-task-id")).toMatch(/^optimistic-/);

    await act(async () => answerCreate!());
    await vi.waitFor(() => expect(document.querySelector('[data-task-id="made-1"]')).not.toBeNull());
    const row = () => screen.getByRole("button", { name: "Call the plumber. Open details" });
    expect(document.activeElement).toBe(row());
    // The lists fetched again: the server lists it last. Still focused, and the arrows go on from it.
    await act(async () => {
      for (const answer of answerLists) answer();
    });
    await vi.waitFor(() =>
      expect([...document.querySelectorAll("[data-task-id]")].map((el) => el.getAttribute("data-task-id"))).toEqual(["w1", "made-1"]),
    );
    expect(document.activeElement).toBe(row());
    expect(row().tabIndex).toBe(0);
    expect(screen.getByRole("button", { name: "Submit report. Open details" }).tabIndex).toBe(-1);
    fireEvent.keyDown(row(), { key: "ArrowUp" });
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Submit report. Open details" })));
  }, 30_000);

  it("keeps the row ticked (s) when the server's task takes its place (user test: the tick was dropped)", async () => {
    const { pending } = await addAndFocusPending();
    fireEvent.keyDown(pending, { key: "s" });
    const tick = () => screen.getByRole("checkbox", { name: "Select “Call the plumber”" }) as HTMLInputElement;
    const bar = () => screen.queryByRole("region", { name: "Selected tasks" })?.textContent ?? screen.queryByLabelText("Selected tasks")?.textContent;
    await vi.waitFor(() => expect(tick().checked).toBe(true));
    await vi.waitFor(() => expect(bar()).toContain("1 selected"));

    await act(async () => answerCreate!());
    await vi.waitFor(() => expect(document.querySelector('[data-task-id="made-1"]')).not.toBeNull());
    // Before: unticked here, and the bar gone.
    expect(tick().checked).toBe(true);
    expect(bar()).toContain("1 selected");
    expect(screen.getByRole("checkbox", { name: "Select “Submit report”" })).toHaveProperty("checked", false);
    // And after the lists' refetch, which lists it by the server's id alone.
    await act(async () => {
      for (const answer of answerLists) answer();
    });
    await vi.waitFor(() =>
      expect([...document.querySelectorAll("[data-task-id]")].map((el) => el.getAttribute("data-task-id"))).toEqual(["w1", "made-1"]),
    );
    expect(tick().checked).toBe(true);
    expect(bar()).toContain("1 selected");
  }, 30_000);

  // A ticked row's batch action before the server answered would have sent its optimistic id
  // ("POST /api/tasks/optimistic-…/complete": no such task there). It waits for the server's task.
  it("completes a row ticked (s) while it was being added by the server's id, once it is made", async () => {
    const { pending } = await addAndFocusPending();
    fireEvent.keyDown(pending, { key: "s" });
    const bar = () => screen.getByRole("region", { name: "Selected tasks" });
    await vi.waitFor(() => expect(bar().textContent).toContain("1 selected"), { timeout: 10_000 });
    fireEvent.click(within(bar()).getByRole("button", { name: "Complete" }));
    await act(async () => {});
    // Before: ["POST /api/tasks/optimistic-…/complete"].
    expect(sent).toEqual([]);

    await act(async () => answerCreate!());
    await vi.waitFor(() => expect(sent).toEqual(["POST /api/tasks/made-1/complete"]));
    const toast = (await screen.findByText("Completed 1 task")).closest<HTMLElement>("[data-toast-id]")!;
    // Undo reopens it by the server's id too.
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(sent).toEqual(["POST /api/tasks/made-1/complete", "POST /api/tasks/made-1/reopen"]));
  }, 30_000);

  it("sends nothing for a ticked row the server refused to add, and says why", async () => {
    refuse = true;
    const { pending } = await addAndFocusPending();
    fireEvent.keyDown(pending, { key: "s" });
    const bar = () => screen.getByRole("region", { name: "Selected tasks" });
    await vi.waitFor(() => expect(bar().textContent).toContain("1 selected"), { timeout: 10_000 });
    fireEvent.click(within(bar()).getByRole("button", { name: "Delete" }));
    await act(async () => answerCreate!());
    // Not "It stays selected": its row is gone.
    await screen.findByText("1 task was not deleted: never added (the server refused it).");
    expect(sent).toEqual([]);
  }, 30_000);

  it("opens nothing when the server refuses the task", async () => {
    refuse = true;
    await addAndClick("Client B timesheet");
    await act(async () => answerCreate!());
    await screen.findByText("The task was not added");
    for (const answer of answerLists) answer();
    await act(async () => {});
    expect(drawer()).toBeNull();
    expect(new URLSearchParams(window.location.search).get("task")).toBeNull();
  }, 30_000);
});
