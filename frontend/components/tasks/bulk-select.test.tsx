// @vitest-environment jsdom
/**
 * Ticking several tasks on the Tasks screen and acting on them at once (selection-bar.tsx,
 * bulk-actions.ts): click, Shift+click ranges, s, Escape; Complete, Reopen, Priority, Add tag,
 * Delete, each one request per task through the single-row mutations, one toast with Undo; a
 * partial failure says how many and why, and those stay ticked.
 */
import { QueryClient } from "@tanstack/react-query";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { TASKS_SHORTCUTS } from "@/components/shell/shortcuts-dialog";
import { ApiError } from "@/lib/api";
import { nextInstanceWait, type Task } from "@/lib/tasks";
import { rateLimitWait } from "./bulk-actions";
import { VIEW_STORAGE_KEY } from "./tasks-view";
import { testTask } from "./test-task";
import { renderTasksView, stubListGlobals } from "./test-screen";

vi.mock("next/navigation", () => import("@/lib/test-address"));

/** The server: its tasks in the order it lists them. */
let stored: Task[];
let fetchMock: ReturnType<typeof vi.fn>;
/** Every change request, "METHOD /path", in the order sent. */
let changes: string[];
let patched: Array<[string, string | null, Record<string, unknown>]>;
let created: Array<Record<string, unknown>>;
/** Ids whose next PATCH is refused as changed elsewhere (412), or whose requests answer 404 / 429. */
let conflict: Set<string>;
let gone: Set<string>;
let limited: Set<string>;
let inFlight = 0;
let maxInFlight = 0;
/** Each change request: when it was sent and answered (ms) and, for a 429, when its Retry-After ends. */
let sends: Array<{ id: string; at: number; answered: number; status: number; until?: number }>;
/** Answers 429 (Retry-After: 2) to the change requests this picks, by their number (0 first). */
let refuse: (n: number) => boolean;
const savedWait = { ...nextInstanceWait };
const savedRateWait = { ...rateLimitWait };

beforeAll(() =>
  Promise.all([import("./selection-bar"), import("./task-drawer"), import("@/lib/quick-add"), import("./celebration")]),
);

const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: { code, message } }, { status, headers });

beforeEach(() => {
  changes = [];
  patched = [];
  created = [];
  conflict = new Set();
  gone = new Set();
  limited = new Set();
  inFlight = 0;
  maxInFlight = 0;
  sends = [];
  refuse = () => false;
  Object.assign(nextInstanceWait, { timeoutMs: 1_000, intervalMs: 50 });
  // A second of Retry-After is 10 ms here.
  Object.assign(rateLimitWait, { msPerSecond: 10 });
  stored = [
    testTask({ id: "a", title: "Pay rent" }),
    testTask({ id: "b", title: "Buy milk", tags: ["Shopping"], rrule: "FREQ=WEEKLY", is_recurring: true, series_id: "s1" }),
    testTask({ id: "c", title: "Call mom" }),
    testTask({ id: "d", title: "Water plants" }),
  ];
  let made = 0;
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const { pathname: path, searchParams: query } = new URL(url, "http://localhost");
    const method = init?.method ?? "GET";
    const id = path.split("/")[3];
    const sent = { id, at: Date.now(), answered: 0, status: 200, until: undefined as number | undefined };
    if (method !== "GET") {
      sends.push(sent);
      changes.push(`${method} ${path}${query.size ? `?${query}` : ""}`);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
    }
    if (method !== "GET") {
      sent.answered = Date.now();
      const retryAfter = limited.has(id) ? 30 : refuse(sends.indexOf(sent)) ? 2 : 0;
      if (retryAfter) {
        Object.assign(sent, { status: 429, until: sent.answered + retryAfter * rateLimitWait.msPerSecond });
        return error(429, "rate_limited", "Too many requests.", { "Retry-After": String(retryAfter) });
      }
    }
    if (method !== "GET" && gone.has(id)) return error(404, "not_found", "Task not found.");
    const task = stored.find((t) => t.id === id);
    if (method === "DELETE") {
      stored = stored.filter((t) => t !== task);
      if (task?.rrule && task.series_id && !task.completed)
        stored.push(testTask({ ...task, id: `next-of-${task.id}`, parent_task_id: task.id, version: 1 }));
      return new Response(null, { status: 204 });
    }
    if (method === "PATCH" && task) {
      const ifMatch = new Headers(init?.headers).get("If-Match");
      const body = JSON.parse(String(init?.body));
      patched.push([task.id, ifMatch, body]);
      if (conflict.delete(task.id)) {
        task.version += 1;
        return error(412, "precondition_failed", "The task changed.");
      }
      if (ifMatch !== String(task.version)) return error(412, "precondition_failed", "The task changed.");
      Object.assign(task, body, { version: task.version + 1 });
      return Response.json(task);
    }
    if (method === "POST" && task && path.endsWith("/complete")) {
      Object.assign(task, { completed: true, completed_at: "2030-01-03T00:00:00Z", version: task.version + 1 });
      return Response.json(task);
    }
    if (method === "POST" && task && path.endsWith("/reopen")) {
      Object.assign(task, { completed: false, completed_at: null, version: task.version + 1 });
      return Response.json(task);
    }
    if (method === "POST") {
      const sent = JSON.parse(String(init?.body));
      created.push(sent);
      const made_ = testTask({ ...sent, id: `new-${++made}`, is_recurring: Boolean(sent.rrule) });
      stored.push(made_);
      return Response.json(made_, { status: 201 });
    }
    if (path === "/api/tags") return Response.json({ suggested: ["Work"], used: [{ tag: "Shopping", count: 1 }] });
    const status = query.get("status");
    const search = query.get("search")?.toLowerCase();
    let items = stored.filter((t) => status === "all" || t.completed === (status === "completed"));
    if (search) items = items.filter((t) => t.title.toLowerCase().includes(search));
    return Response.json({ items, next_cursor: null, corrected_search: null });
  });
  vi.stubGlobal("fetch", fetchMock);
  window.history.replaceState(null, "", "/tasks");
  stubListGlobals();
});
afterEach(() => {
  Object.assign(nextInstanceWait, savedWait);
  Object.assign(rateLimitWait, savedRateWait);
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function renderTasks(status: "open" | "all" = "open", beside?: ReactNode) {
  localStorage.setItem(
    VIEW_STORAGE_KEY,
    JSON.stringify({ filters: { status, priority: [], due: null, tags: [] }, sort: null, order: "asc" }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  renderTasksView(client, beside);
  await screen.findByText(`${stored.filter((t) => status === "all" || !t.completed).length} tasks`);
  return client;
}

const tick = (title: string, shiftKey = false) =>
  fireEvent.click(screen.getByRole("checkbox", { name: `Select “${title}”` }), { shiftKey });
const ticked = () =>
  screen
    .queryAllByRole("checkbox", { name: /^Select / })
    .filter((box) => (box as HTMLInputElement).checked)
    .map((box) => box.getAttribute("aria-label"));
const bar = () => screen.findByRole("region", { name: "Selected tasks" });
const noBar = () => expect(screen.queryByRole("region", { name: "Selected tasks" })).toBeNull();
const titles = () => screen.queryAllByRole("button", { name: / Open details$/ }).map((b) => b.getAttribute("aria-label")!.replace(". Open details", ""));
const frames = () => new Promise((resolve) => setTimeout(resolve, 100));
/** The bar's Priority menu: opened, and `label` chosen. */
const choosePriority = async (label: string) => {
  fireEvent.click(within(await bar()).getByRole("button", { name: "Priority" }));
  fireEvent.click(within(screen.getByRole("menu", { name: "Set priority" })).getByRole("menuitem", { name: label }));
};
/** The newest toast whose text contains `words`. */
const toastWith = (words: string, timeout = 1_000) =>
  vi.waitFor(
    () => {
      const found = [...document.querySelectorAll("[data-toast-id]")].filter((el) => el.textContent?.includes(words)).at(-1);
      expect(found, `a toast saying ${words}`).toBeTruthy();
      return found as HTMLElement;
    },
    { timeout },
  );

describe("selecting tasks", () => {
  it("gives each row a tick box named for its task, apart from its complete control", async () => {
    await renderTasks();
    for (const title of ["Pay rent", "Buy milk", "Call mom", "Water plants"]) {
      const box = screen.getByRole("checkbox", { name: `Select “${title}”` });
      expect((box as HTMLInputElement).type).toBe("checkbox");
      expect((box as HTMLInputElement).checked).toBe(false);
      // The complete control is another one, still there.
      expect(screen.getByRole("checkbox", { name: `Complete “${title}”` })).not.toBe(box);
    }
    noBar();
  });

  it("shows the bar with a click, counts, and hides it when the last is unticked", async () => {
    await renderTasks();
    tick("Call mom");
    const shown = await bar();
    expect(within(shown).getByText("1 selected")).toBeTruthy();
    tick("Pay rent");
    await vi.waitFor(() => expect(within(shown).getByText("2 selected")).toBeTruthy());
    expect(ticked()).toEqual(["Select “Pay rent”", "Select “Call mom”"]);
    for (const name of ["Complete", "Add tag", "Delete", "Clear selection"]) within(shown).getByRole("button", { name });
    expect(within(shown).getByRole("button", { name: "Priority" }).getAttribute("aria-haspopup")).toBe("menu");
    within(shown).getByRole("combobox", { name: "Tag to add" });
    tick("Pay rent");
    tick("Call mom");
    await vi.waitFor(noBar);
  });

  it("Shift+click ticks the range from the one clicked last, in the list's order, and unticks one the same way", async () => {
    await renderTasks();
    tick("Buy milk");
    tick("Water plants", true);
    await bar();
    expect(ticked()).toEqual(["Select “Buy milk”", "Select “Call mom”", "Select “Water plants”"]);
    // Upwards from the last clicked.
    tick("Pay rent", true);
    await vi.waitFor(() => expect(ticked()).toHaveLength(4));
    tick("Call mom");
    tick("Pay rent", true);
    await vi.waitFor(() => expect(ticked()).toEqual(["Select “Water plants”"]));
  });

  it("s on a focused row ticks it; Escape clears the selection, but not from the search box or the drawer", async () => {
    await renderTasks();
    const row = screen.getByRole("button", { name: "Call mom. Open details" });
    fireEvent.focus(row);
    row.focus();
    fireEvent.keyDown(row, { key: "s" });
    await bar();
    expect(ticked()).toEqual(["Select “Call mom”"]);

    // Escape in the search box is the box's (clears the words), the selection stays.
    const search = screen.getByRole("searchbox", { name: "Search tasks" });
    search.focus();
    fireEvent.change(search, { target: { value: "zz" } });
    fireEvent.keyDown(search, { key: "Escape" });
    expect((search as HTMLInputElement).value).toBe("");
    await frames();
    expect(ticked()).toEqual(["Select “Call mom”"]);

    // The drawer's Escape closes the drawer only.
    fireEvent.click(screen.getByRole("button", { name: "Pay rent. Open details" }));
    const drawer = await screen.findByRole("dialog", { name: "Edit task" });
    await frames();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });
    // Closing (its slide-out plays, then it goes).
    await vi.waitFor(() => expect(drawer.getAttribute("aria-modal")).toBeNull());
    fireEvent.animationEnd(drawer);
    await frames();
    expect(ticked()).toEqual(["Select “Call mom”"]);

    // An open menu's Escape closes the menu only.
    const filter = screen.getByRole("button", { name: "Filter" });
    fireEvent.click(filter);
    const panel = screen.getByRole("group", { name: "Filters" });
    fireEvent.keyDown(panel, { key: "Escape" });
    await vi.waitFor(() => expect(screen.queryByRole("group", { name: "Filters" })).toBeNull());
    await frames();
    expect(ticked()).toEqual(["Select “Call mom”"]);

    // On the list: Escape clears it, the bar goes, focus stays in the list.
    const again = screen.getByRole("button", { name: "Call mom. Open details" });
    again.focus();
    fireEvent.keyDown(again, { key: "Escape" });
    await vi.waitFor(noBar);
    expect(ticked()).toEqual([]);
  });

  it("Escape on the list clears the selection also while the assistant is open beside it (its launcher is expanded)", async () => {
    await renderTasks(
      "open",
      <button type="button" aria-haspopup="dialog" aria-expanded="true" aria-controls="assistant-panel">
        Assistant
      </button>,
    );
    const row = screen.getByRole("button", { name: "Call mom. Open details" });
    row.focus();
    fireEvent.keyDown(row, { key: "s" });
    await bar();
    const escape = new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true });
    row.dispatchEvent(escape);
    await vi.waitFor(noBar);
    // Taken: the assistant beside the list leaves this Escape alone (it stays open).
    expect(escape.defaultPrevented).toBe(true);
  });

  it("the list's keys work from a row's tick box: arrows move on, s unticks", async () => {
    await renderTasks();
    const box = screen.getByRole("checkbox", { name: "Select “Pay rent”" });
    fireEvent.click(box);
    fireEvent.focus(box);
    box.focus();
    fireEvent.keyDown(box, { key: "s" });
    await frames();
    expect(ticked()).toEqual([]);
    fireEvent.keyDown(box, { key: "ArrowDown" });
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Buy milk. Open details" })));
  });

  it("clears the selection when a search hides rows, and Clear selection clears it too", async () => {
    await renderTasks();
    tick("Pay rent");
    tick("Call mom");
    const shown = await bar();
    fireEvent.click(within(shown).getByRole("button", { name: "Clear selection" }));
    await vi.waitFor(noBar);
    tick("Pay rent");
    await bar();
    fireEvent.change(screen.getByRole("searchbox", { name: "Search tasks" }), { target: { value: "mom" } });
    await vi.waitFor(() => expect(titles()).toEqual(["Call mom"]));
    noBar();
    fireEvent.change(screen.getByRole("searchbox", { name: "Search tasks" }), { target: { value: "" } });
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    expect(ticked()).toEqual([]);
  });

  it("a search keeps ticked only the tasks it still shows: the bar counts them, an action touches only them", async () => {
    await renderTasks();
    tick("Pay rent");
    tick("Call mom", true);
    await vi.waitFor(async () => expect(within(await bar()).getByText("3 selected")).toBeTruthy());
    const search = screen.getByRole("searchbox", { name: "Search tasks" });
    fireEvent.change(search, { target: { value: "mom" } });
    await vi.waitFor(() => expect(titles()).toEqual(["Call mom"]));
    await vi.waitFor(async () => expect(within(await bar()).getByText("1 selected")).toBeTruthy());
    expect(ticked()).toEqual(["Select “Call mom”"]);
    // The hidden two are no longer selected: back in view, they are not ticked.
    fireEvent.change(search, { target: { value: "" } });
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    expect(ticked()).toEqual(["Select “Call mom”"]);
    fireEvent.click(within(await bar()).getByRole("button", { name: "Delete" }));
    await toastWith("Deleted 1 task");
    expect(changes).toEqual(["DELETE /api/tasks/c"]);
  });

  it("drops a ticked task that leaves the list (completed elsewhere): it is not ticked when it comes back", async () => {
    const client = await renderTasks();
    tick("Pay rent");
    tick("Call mom");
    await vi.waitFor(async () => expect(within(await bar()).getByText("2 selected")).toBeTruthy());
    // Another tab completes "Call mom"; the list is fetched again.
    stored[2] = { ...stored[2], completed: true, completed_at: "2030-01-02T00:00:00Z" };
    await client.invalidateQueries();
    await vi.waitFor(() => expect(titles()).toEqual(["Pay rent", "Buy milk", "Water plants"]));
    await vi.waitFor(async () => expect(within(await bar()).getByText("1 selected")).toBeTruthy());
    // Reopened there: back in the list, not ticked; the bar still counts what is ticked on screen.
    stored[2] = { ...stored[2], completed: false, completed_at: null };
    await client.invalidateQueries();
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    expect(ticked()).toEqual(["Select “Pay rent”"]);
    expect(within(await bar()).getByText("1 selected")).toBeTruthy();
    // Shift+click still ranges from the last one clicked.
    tick("Buy milk", true);
    await vi.waitFor(() => expect(ticked()).toEqual(["Select “Pay rent”", "Select “Buy milk”"]));
  });

  it("lists s (select) and Escape (clear the selection) among the Tasks shortcuts", () => {
    const keys = TASKS_SHORTCUTS.map(([k, does]) => `${k.join(" ")}: ${does}`);
    expect(keys.some((line) => line.startsWith("s") && /select/i.test(line))).toBe(true);
    expect(keys.some((line) => line.startsWith("Esc") && /selection/i.test(line))).toBe(true);
  });

  it("has a Select button (phones) that shows the tick boxes before the first tick, and Cancel", async () => {
    await renderTasks();
    fireEvent.click(screen.getByRole("button", { name: "Select" }));
    const cancel = screen.getByRole("button", { name: "Cancel" });
    expect(screen.queryByRole("button", { name: "Select" })).toBeNull();
    // Every row's box is shown (not the quiet, hover-only style).
    const label = screen.getByRole("checkbox", { name: "Select “Pay rent”" }).closest("label")!;
    expect(label.className).not.toContain("opacity-0");
    fireEvent.click(cancel);
    expect(screen.getByRole("checkbox", { name: "Select “Pay rent”" }).closest("label")!.className).toContain("opacity-0");
  });

  it("sizes the bar's and the list's fields with one width and one padding each (the tag field is not full width)", async () => {
    // cn() joins without merging: "w-full … w-auto" leaves the stylesheet to pick, and it
    // picked w-full, so at 1280 px the bar's Priority select (a menu button since) took a line
    // of its own and "py-2" under "h-8" cut its text ("Prioritv…").
    await renderTasks();
    tick("Pay rent");
    await bar();
    const groups: Array<[string, RegExp]> = [
      ["width", /^(?:touch:)?w-/],
      ["vertical padding", /^(?:touch:)?(?:p|py)-/],
      ["left padding", /^(?:touch:)?(?:p|px|pl)-/],
      ["right padding", /^(?:touch:)?(?:p|px|pr)-/],
    ];
    const fields = [...document.querySelectorAll("input:not([type=checkbox]), select")];
    expect(fields.length).toBeGreaterThanOrEqual(3); // search, sort, the bar's tag
    for (const field of fields) {
      const classes = field.className.split(/\s+/);
      for (const [name, pattern] of groups) {
        expect(classes.filter((c) => pattern.test(c)), `${name} of ${field.id || field.getAttribute("aria-label")}`).toHaveLength(
          classes.some((c) => pattern.test(c)) ? 1 : 0,
        );
      }
    }
    const tag = screen.getByRole("combobox", { name: "Tag to add" });
    expect(tag.className.split(/\s+/)).toContain("w-36");
  });
});

describe("acting on the selected tasks", () => {
  it("Complete: one request per task, the rows go at once, one toast, and Undo reopens them all", async () => {
    await renderTasks();
    tick("Pay rent");
    tick("Call mom", true);
    fireEvent.click(within(await bar()).getByRole("button", { name: "Complete" }));
    // Optimistic: gone from the Open list before the server answers.
    await vi.waitFor(() => expect(titles()).toEqual(["Water plants"]));
    const toast = await toastWith("Completed 3 tasks");
    expect(changes.sort()).toEqual(["POST /api/tasks/a/complete", "POST /api/tasks/b/complete", "POST /api/tasks/c/complete"]);
    await vi.waitFor(noBar);
    changes = [];
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    await vi.waitFor(() => expect(changes).toHaveLength(3));
    expect(changes.sort()).toEqual(["POST /api/tasks/a/reopen", "POST /api/tasks/b/reopen", "POST /api/tasks/c/reopen"]);
    expect(stored.every((t) => !t.completed)).toBe(true);
    // Said once the server has reopened them all (before: only the count changed), politely, with no Undo of its own.
    const said = await toastWith("Undid: 3 tasks open again");
    expect(said.closest("[aria-live]")?.getAttribute("aria-live")).toBe("polite");
    expect(within(said).queryByRole("button", { name: "Undo" })).toBeNull();
  });

  it("refreshes the list once after a batch, not once per task", async () => {
    await renderTasks();
    tick("Pay rent");
    tick("Water plants", true);
    const listed = () => fetchMock.mock.calls.filter(([url, init]) => (init?.method ?? "GET") === "GET" && String(url).startsWith("/api/tasks?")).length;
    const before = listed();
    fireEvent.click(within(await bar()).getByRole("button", { name: "Complete" }));
    await toastWith("Completed 4 tasks");
    // Past a single completion's delayed refresh (900 ms), short of the repeating one's (2.5 s).
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(changes).toHaveLength(4);
    expect(listed() - before).toBe(1);
  });

  it("Reopen when every selected task is completed", async () => {
    stored[0] = { ...stored[0], completed: true, completed_at: "2030-01-02T00:00:00Z" };
    stored[2] = { ...stored[2], completed: true, completed_at: "2030-01-02T00:00:00Z" };
    await renderTasks("all");
    tick("Pay rent");
    const shown = await bar();
    tick("Call mom");
    await vi.waitFor(() => expect(within(shown).getByText("2 selected")).toBeTruthy());
    fireEvent.click(within(shown).getByRole("button", { name: "Reopen" }));
    await toastWith("Reopened 2 tasks");
    expect(changes.sort()).toEqual(["POST /api/tasks/a/reopen", "POST /api/tasks/c/reopen"]);
    // With an open one among them it is Complete, for the open ones only.
    tick("Pay rent");
    tick("Buy milk");
    expect(within(await bar()).getByRole("button", { name: "Complete" })).toBeTruthy();
  });

  it("Priority: a PATCH per task with its version, badges at once, one toast, Undo sets each back", async () => {
    await renderTasks();
    tick("Pay rent");
    tick("Water plants");
    await choosePriority("High");
    await vi.waitFor(() => expect(screen.getAllByText("High", { selector: "[data-priority-badge]" })).toHaveLength(2));
    const toast = await toastWith("Set 2 tasks to High");
    expect(patched.sort()).toEqual([
      ["a", "1", { priority: "HIGH" }],
      ["d", "1", { priority: "HIGH" }],
    ]);
    patched = [];
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(patched).toHaveLength(2));
    expect(patched.sort()).toEqual([
      ["a", "2", { priority: "MEDIUM" }],
      ["d", "2", { priority: "MEDIUM" }],
    ]);
    await vi.waitFor(() => expect(stored.map((t) => t.priority)).toEqual(["MEDIUM", "MEDIUM", "MEDIUM", "MEDIUM"]));
    await vi.waitFor(() => expect(screen.queryAllByText("High", { selector: "[data-priority-badge]" })).toHaveLength(0));
    await toastWith("Undid: priority set back on 2 tasks");
  });

  it("Priority by keyboard: the arrows only move through the choices, Enter sets one, Escape closes the menu only", async () => {
    // Before: a <select>, which Chromium changes (and the bar applied) on the first arrow key,
    // so stepping down to Low set every selected task to Urgent.
    const user = userEvent.setup();
    await renderTasks();
    tick("Pay rent");
    tick("Water plants");
    const button = within(await bar()).getByRole("button", { name: "Priority" });
    button.focus();
    await user.keyboard("{ArrowDown}");
    const menu = screen.getByRole("menu", { name: "Set priority" });
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement?.textContent).toBe("Urgent");
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}");
    expect(document.activeElement?.textContent).toBe("Low");
    await user.keyboard("{ArrowDown}"); // wraps
    expect(document.activeElement?.textContent).toBe("Urgent");
    await user.keyboard("{End}");
    expect(changes).toEqual([]);
    await user.keyboard("{Escape}");
    expect(menu.isConnected).toBe(false);
    expect(document.activeElement).toBe(button);
    expect(ticked()).toEqual(["Select “Pay rent”", "Select “Water plants”"]);
    expect(changes).toEqual([]);

    await user.keyboard("{ArrowUp}"); // opens on the last
    expect(document.activeElement?.textContent).toBe("Low");
    await user.keyboard("{Enter}");
    await toastWith("Set 2 tasks to Low");
    expect(patched.map(([id, , body]) => [id, body]).sort()).toEqual([
      ["a", { priority: "LOW" }],
      ["d", { priority: "LOW" }],
    ]);
    expect(document.activeElement).toBe(button);
  });

  it("keeps the same tasks ticked after a priority or tag change, for the next action; Complete then acts on them all", async () => {
    // Before: the bar went after each action, and the list's new order made the same
    // Shift+click take other tasks.
    await renderTasks();
    tick("Pay rent");
    tick("Water plants");
    await choosePriority("High");
    await toastWith("Set 2 tasks to High");
    await vi.waitFor(() => expect(stored.filter((t) => t.priority === "HIGH").map((t) => t.id)).toEqual(["a", "d"]));
    expect(ticked()).toEqual(["Select “Pay rent”", "Select “Water plants”"]);
    const shown = await bar();
    expect(within(shown).getByText("2 selected")).toBeTruthy();
    fireEvent.change(within(shown).getByRole("combobox", { name: "Tag to add" }), { target: { value: "Home" } });
    fireEvent.click(within(shown).getByRole("button", { name: "Add tag" }));
    await toastWith("Tagged 2 tasks #Home");
    expect(ticked()).toEqual(["Select “Pay rent”", "Select “Water plants”"]);
    fireEvent.click(within(await bar()).getByRole("button", { name: "Complete" }));
    await toastWith("Completed 2 tasks");
    await vi.waitFor(noBar);
    expect(changes.filter((c) => c.startsWith("POST")).sort()).toEqual(["POST /api/tasks/a/complete", "POST /api/tasks/d/complete"]);
  });

  it("Add tag: adds it to those without it, one toast, Undo takes it off", async () => {
    await renderTasks();
    tick("Pay rent");
    tick("Buy milk");
    const shown = await bar();
    fireEvent.change(within(shown).getByRole("combobox", { name: "Tag to add" }), { target: { value: "#Home" } });
    fireEvent.click(within(shown).getByRole("button", { name: "Add tag" }));
    const toast = await toastWith("Tagged 2 tasks #Home");
    expect(patched.sort()).toEqual([
      ["a", "1", { tags: ["Home"] }],
      ["b", "1", { tags: ["Shopping", "Home"] }],
    ]);
    await vi.waitFor(() => expect(screen.getAllByText("#Home")).toHaveLength(2));
    patched = [];
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(patched).toHaveLength(2));
    expect(patched.sort()).toEqual([
      ["a", "2", { tags: [] }],
      ["b", "2", { tags: ["Shopping"] }],
    ]);
    await toastWith("Undid: #Home taken off 2 tasks");
  });

  it("Delete: only this occurrence of a repeating task, one toast saying repeats are kept, Undo brings all back", async () => {
    await renderTasks();
    tick("Pay rent");
    tick("Call mom", true);
    fireEvent.click(within(await bar()).getByRole("button", { name: "Delete" }));
    // Gone at once (the series' next "Buy milk" comes in a moment, as the server makes it).
    await vi.waitFor(() => expect(titles().filter((t) => t !== "Buy milk")).toEqual(["Water plants"]));
    const toast = await toastWith("Deleted 3 tasks (repeats kept)");
    // No ?series=true: the series goes on.
    expect(changes.sort()).toEqual(["DELETE /api/tasks/a", "DELETE /api/tasks/b", "DELETE /api/tasks/c"]);
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    // The one-offs made again; the repeating one is its next instance moved back (one "Buy milk").
    await vi.waitFor(() => expect(created.map((c) => c.title).sort()).toEqual(["Call mom", "Pay rent"]));
    await vi.waitFor(() => expect(patched.map(([id]) => id)).toEqual(["next-of-b"]));
    await vi.waitFor(() => expect(titles().sort()).toEqual(["Buy milk", "Call mom", "Pay rent", "Water plants"]));
    expect(stored.filter((t) => t.title === "Buy milk")).toHaveLength(1);
    await toastWith("Restored 3 tasks");
  });

  it("says Deleted 2 tasks without a word about repeats when none repeats", async () => {
    await renderTasks();
    tick("Pay rent");
    tick("Water plants");
    fireEvent.click(within(await bar()).getByRole("button", { name: "Delete" }));
    const toast = await toastWith("Deleted 2 tasks");
    expect(toast.textContent).not.toContain("repeats");
  });
});

describe("a batch that partly fails", () => {
  it("one 412 among three: says how many and why, keeps that one ticked and as stored, applies the others", async () => {
    await renderTasks();
    conflict.add("c");
    tick("Pay rent");
    tick("Call mom", true);
    await choosePriority("Low");
    const toast = await toastWith("Set 2 of 3 tasks to Low");
    // Said at once: in the assertive live region (the toast itself is none, its region says it).
    expect(toast.closest("[aria-live]")?.getAttribute("aria-live")).toBe("assertive");
    expect(toast.textContent).toContain("1 task was not changed: changed somewhere else meanwhile");
    expect(toast.textContent).toContain("It stays selected.");
    // A priority change keeps all three ticked (the failed one among them) for the next action.
    await vi.waitFor(() => expect(ticked()).toEqual(["Select “Pay rent”", "Select “Buy milk”", "Select “Call mom”"]));
    expect(within(await bar()).getByText("3 selected")).toBeTruthy();
    expect(stored.map((t) => [t.id, t.priority])).toEqual([
      ["a", "LOW"],
      ["b", "LOW"],
      ["c", "MEDIUM"],
      ["d", "MEDIUM"],
    ]);
    // Its row shows it as stored (Medium: no badge); the others' badges stay Low.
    await vi.waitFor(() => expect(screen.getAllByText("Low", { selector: "[data-priority-badge]" })).toHaveLength(2));
    // Undo sets back only the two that changed.
    patched = [];
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(patched.map(([id]) => id).sort()).toEqual(["a", "b"]));
  });

  it("an Undo the server partly refuses says how many it undid and why not the rest, at once", async () => {
    await renderTasks();
    tick("Pay rent");
    tick("Call mom", true);
    fireEvent.click(within(await bar()).getByRole("button", { name: "Complete" }));
    const toast = await toastWith("Completed 3 tasks");
    gone.add("c"); // deleted elsewhere meanwhile
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    const said = await toastWith("Undid: 2 of 3 tasks open again");
    expect(said.closest("[aria-live]")?.getAttribute("aria-live")).toBe("assertive");
    expect(said.textContent).toContain("1 task was not reopened: no longer there (deleted somewhere else).");
    expect(document.body.textContent).not.toContain("Undid: 3 tasks");
  });

  it("a deleted-elsewhere (404) task is put back as it was and named as gone; the rest are deleted", async () => {
    await renderTasks();
    gone.add("a");
    tick("Pay rent");
    tick("Call mom");
    fireEvent.click(within(await bar()).getByRole("button", { name: "Delete" }));
    const toast = await toastWith("Deleted 1 of 2 tasks");
    expect(toast.textContent).toContain("no longer there (deleted somewhere else)");
    expect(stored.map((t) => t.id)).toEqual(["a", "b", "d"]);
  });

  it("rate limited (429) again and again: waits each Retry-After, then gives up, says when to try again, all of them stay ticked", async () => {
    await renderTasks();
    for (const id of ["a", "b", "c", "d"]) limited.add(id);
    tick("Pay rent");
    tick("Water plants", true);
    fireEvent.click(within(await bar()).getByRole("button", { name: "Complete" }));
    const toast = await toastWith("No tasks were completed", 5_000);
    expect(toast.textContent).toContain("4 tasks were not completed: too many changes at once; try again in 30 seconds");
    // The first four went out together; then one at a time, each after the wait it was told, the
    // same one again: given up after its fifth wait, the rest are not sent again.
    expect(changes).toHaveLength(4 + rateLimitWait.maxWaits);
    for (const [i, send] of sends.slice(4).entries()) expect(send.at).toBeGreaterThanOrEqual(sends[i + 3].until!);
    await vi.waitFor(() => expect(ticked()).toHaveLength(4));
    expect(titles()).toEqual(["Pay rent", "Buy milk", "Call mom", "Water plants"]);
  });

  it("50 tasks against the rate limit: each refused one waits its Retry-After and goes again, all 50 end completed, and so does Undo", async () => {
    for (let i = 0; i < 46; i++) stored.push(testTask({ id: `x${i}`, title: `Extra ${i}` }));
    // Rows of 76 px on a screen tall enough for all 50 (the list draws only the rows near the screen).
    vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(76);
    vi.spyOn(window, "innerHeight", "get").mockReturnValue(50 * 76);
    await renderTasks();
    tick("Pay rent");
    tick("Extra 45", true);
    expect(within(await bar()).getByText("50 selected")).toBeTruthy();
    // One request in seven refused (429, Retry-After: 2 s), the fourth first.
    refuse = (n) => n % 7 === 3;
    const leave = () => {
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    // Every toast's words as they change.
    const said = new Set<string>();
    const watch = new MutationObserver(() => document.querySelectorAll("[data-toast-id]").forEach((el) => said.add(el.textContent ?? "")));
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    fireEvent.click(within(await bar()).getByRole("button", { name: "Complete" }));
    // The server asked to wait: how far it is shows at once, and leaving the tab asks first.
    await toastWith("of 50 done", 3_000);
    expect(leave()).toBe(true);
    const toast = await toastWith("Completed 50 tasks", 10_000);
    expect(toast.textContent).not.toContain("of 50");
    expect(leave()).toBe(false);
    expect(document.body.textContent).not.toContain("of 50 done");
    const progress = [...said].filter((text) => text.startsWith("Completing 50 tasks…"));
    expect(progress.some((text) => /\d+ of 50 done\. The server asked to wait \(too many changes at once\): going on in 2 s\. Keep this tab open until it finishes\./.test(text))).toBe(true);
    expect(progress.some((text) => /\d+ of 50 done\. Keep this tab open/.test(text))).toBe(true);
    expect(stored.every((t) => t.completed)).toBe(true);
    const check = (path: string) => {
      const refused = sends.filter((send) => send.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(6);
      // Nothing goes while the server asked to wait (each 429's Retry-After).
      for (const send of sends) for (const no of refused) expect(send.at <= no.answered || send.at >= no.until!).toBe(true);
      // Each task's request went once more per refusal: the done ones are not sent again.
      const ids = stored.map((t) => t.id);
      expect(changes.filter((c) => c.endsWith(path)).sort()).toEqual(
        ids.flatMap((id) => Array(1 + refused.filter((no) => no.id === id).length).fill(`POST /api/tasks/${id}${path}`)).sort(),
      );
    };
    check("/complete");
    changes = [];
    sends = [];
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await toastWith("Undid: 50 tasks open again", 10_000);
    watch.disconnect();
    expect([...said].some((text) => /^Undoing 50 tasks…\d+ of 50 done\. The server asked to wait/.test(text))).toBe(true);
    expect(stored.every((t) => !t.completed)).toBe(true);
    check("/reopen");
  }, 30_000);

  it("never sends more than 4 requests at once", async () => {
    for (let i = 0; i < 8; i++) stored.push(testTask({ id: `x${i}`, title: `Extra ${i}` }));
    await renderTasks();
    tick("Pay rent");
    tick("Extra 7", true);
    fireEvent.click(within(await bar()).getByRole("button", { name: "Delete" }));
    await toastWith("Deleted 12 tasks");
    expect(changes).toHaveLength(12);
    expect(maxInFlight).toBe(4);
  });
});

describe("the batch's request pool", () => {
  it("stops sending once a request is refused for the rate more times in a row than it waits, failing the rest with that answer", async () => {
    const { requestPool } = await import("./bulk-actions");
    const pool = requestPool(1);
    const refused = new ApiError(429, "rate_limited", "Too many.", {}, 5);
    const sent: number[] = [];
    const results = await Promise.allSettled(
      [0, 1, 2].map((i) =>
        pool.run(async () => {
          sent.push(i);
          if (i === 0) throw refused;
          return i;
        }),
      ),
    );
    expect(sent).toEqual(Array(1 + rateLimitWait.maxWaits).fill(0));
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(results.map((r) => r.status === "rejected" && r.reason)).toEqual([refused, refused, refused]);
  });

  it("after a 429 holds every request for its Retry-After, sends the refused one again first, then one at a time", async () => {
    const { requestPool } = await import("./bulk-actions");
    const pauses: number[] = [];
    const pool = requestPool(3, (until) => pauses.push(until));
    const log: Array<[string, number]> = [];
    let first = true;
    let inFlight = 0;
    let most = 0;
    const results = await Promise.all(
      ["a", "b", "c", "d", "e"].map((id) =>
        pool.run(async () => {
          log.push([id, Date.now()]);
          inFlight++;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight--;
          if (id === "a" && first) {
            first = false;
            throw new ApiError(429, "rate_limited", "Too many.", {}, 3);
          }
          return id;
        }),
      ),
    );
    expect(results).toEqual(["a", "b", "c", "d", "e"]);
    expect(pauses).toHaveLength(1);
    // a, b, c together; a refused: nothing until its 30 ms are up; then a again, d, e, one at a time.
    expect(log.map(([id]) => id)).toEqual(["a", "b", "c", "a", "d", "e"]);
    for (const [, at] of log.slice(3)) expect(at).toBeGreaterThanOrEqual(pauses[0] - 2);
    expect(most).toBe(3);
    for (let i = 4; i < log.length; i++) expect(log[i][1]).toBeGreaterThanOrEqual(log[i - 1][1] + 4);
  });

  it("gives up at once on a Retry-After longer than it waits for, and says it", async () => {
    const { requestPool } = await import("./bulk-actions");
    const pool = requestPool(2);
    const long = new ApiError(429, "rate_limited", "Too many.", {}, rateLimitWait.longestSeconds + 1);
    const sent: string[] = [];
    const results = await Promise.allSettled(
      ["a", "b", "c"].map((id) =>
        pool.run(async () => {
          sent.push(id);
          if (id === "a") throw long;
          return id;
        }),
      ),
    );
    expect(sent).toEqual(["a", "b"]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "rejected"]);
  });
});

