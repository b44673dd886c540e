// @vitest-environment jsdom
/**
 * Deleting a task from the edit drawer on the Tasks screen: the toast's Undo makes it again (the
 * API has no undelete) where it was, and keyboard focus stays in the list throughout.
 */
import { QueryClient } from "@tanstack/react-query";
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Task } from "@/lib/tasks";
import { deleteToast, focusAfterDelete, keepInPlace, restoredToast, toggleToast, VIEW_STORAGE_KEY } from "./tasks-view";
import { formatDue, isNextInstanceOf, movedBackFields, movesNextBack, nextInstanceWait, restoreInput } from "@/lib/tasks";
import { testTask } from "./test-task";
import { renderTasksView, stubListGlobals } from "./test-screen";

vi.mock("next/navigation", () => import("@/lib/test-address"));

/** The server: its tasks in the order it lists them (oldest first: a task made again comes last). */
let stored: Task[];
let fetchMock: ReturnType<typeof vi.fn>;
let created: Array<Record<string, unknown>>;
let made = 0;
let refuseDelete = false;
/** What the server was sent to change a task: [id, If-Match, body]. */
let patched: Array<[string, string | null, Record<string, unknown>]>;
/**
 * As recurring-service does: deleting an open instance of a series makes its next one (a week
 * later; its parent is the series' first task), here after `nextAfterMs` (it comes through
 * events); `seriesEnded`: none comes (COUNT/UNTIL).
 */
let nextAfterMs = 0;
let seriesEnded = false;
let changedBeforePatch = false;
/** While set, a create waits for it (the server has not answered yet). */
let createGate: Promise<void> | null = null;
const savedWait = { ...nextInstanceWait };
const WEEK = 7 * 86_400_000;

// The screen loads these on demand (the drawer on first open; the quick-add parser and the
// celebration preloaded 500 ms after the list shows). Loaded here once for the file, so the first
// test does not pay their one-off transform and import (~1 s idle, over 5 s timeouts under load)
// inside its own time; each test still opens the drawer through next/dynamic as the page does.
beforeAll(() => Promise.all([import("./task-drawer"), import("@/lib/quick-add"), import("./celebration")]));

beforeEach(() => {
  created = [];
  made = 0;
  refuseDelete = false;
  patched = [];
  nextAfterMs = 300;
  seriesEnded = false;
  changedBeforePatch = false;
  createGate = null;
  Object.assign(nextInstanceWait, { timeoutMs: 1_000, intervalMs: 50 });
  stored = [
    testTask({ id: "a", title: "Pay rent" }),
    testTask({
      id: "b",
      title: "Buy milk",
      description: "2 litres",
      priority: "HIGH",
      tags: ["Shopping"],
      due_at: "2030-01-05T17:00:00.000Z",
      remind_at: "2030-01-05T16:30:00.000Z",
      rrule: "FREQ=WEEKLY",
      is_recurring: true,
      series_id: "s1",
    }),
    testTask({ id: "c", title: "Call mom" }),
  ];
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const path = new URL(url, "http://localhost").pathname;
    const method = init?.method ?? "GET";
    if (method === "DELETE" && refuseDelete)
      return Response.json({ error: { code: "unavailable", message: "Try again later." } }, { status: 503 });
    if (method === "DELETE") {
      const gone = stored.find((t) => `/api/tasks/${t.id}` === path);
      stored = stored.filter((t) => t !== gone);
      if (gone?.series_id && gone.rrule && !gone.completed && !seriesEnded) {
        const later = (at: string | null) => at && new Date(new Date(at).getTime() + WEEK).toISOString();
        const next = testTask({
          ...gone,
          id: `next-of-${gone.id}`,
          parent_task_id: gone.parent_task_id ?? gone.id,
          due_at: later(gone.due_at),
          remind_at: later(gone.remind_at),
          version: 1,
        });
        setTimeout(() => stored.push(next), nextAfterMs);
      }
      return new Response(null, { status: 204 });
    }
    if (method === "PATCH") {
      const task = stored.find((t) => `/api/tasks/${t.id}` === path);
      if (!task) return Response.json({ error: { code: "not_found", message: "Task not found." } }, { status: 404 });
      if (changedBeforePatch) task.version += 1;
      const ifMatch = new Headers(init?.headers).get("If-Match");
      const body = JSON.parse(String(init?.body));
      patched.push([task.id, ifMatch, body]);
      if (ifMatch !== String(task.version))
        return Response.json({ error: { code: "precondition_failed", message: "The task changed." } }, { status: 412 });
      Object.assign(task, body, { version: task.version + 1 });
      return Response.json(task);
    }
    if (method === "POST" && path.endsWith("/complete")) {
      const task = stored.find((t) => path === `/api/tasks/${t.id}/complete`)!;
      Object.assign(task, { completed: true, completed_at: "2030-01-03T00:00:00Z" });
      return Response.json(task);
    }
    if (method === "POST") {
      await createGate;
      const sent = JSON.parse(String(init?.body));
      created.push(sent);
      const task = testTask({ ...sent, id: `new-${++made}`, is_recurring: Boolean(sent.rrule) });
      stored.push(task);
      return Response.json(task, { status: 201 });
    }
    const query = new URL(url, "http://localhost").searchParams;
    const status = query.get("status");
    const search = query.get("search")?.toLowerCase();
    let items = stored.filter((t) => status === "all" || t.completed === (status === "completed"));
    if (search) items = items.filter((t) => t.title.toLowerCase().includes(search));
    if (query.get("sort") === "created_at" && query.get("order") === "desc") items = [...items].reverse();
    return Response.json({ items, next_cursor: null, corrected_search: null });
  });
  vi.stubGlobal("fetch", fetchMock);
  window.history.replaceState(null, "", "/tasks");
  stubListGlobals();
});
afterEach(() => {
  Object.assign(nextInstanceWait, savedWait);
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderTasks(status: "open" | "all" = "open") {
  localStorage.setItem(
    VIEW_STORAGE_KEY,
    JSON.stringify({ filters: { status, priority: [], due: null, tags: [] }, sort: null, order: "asc" }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  renderTasksView(client);
  return client;
}

const frames = () => new Promise((resolve) => setTimeout(resolve, 100));
const titles = () => screen.getAllByRole("button", { name: / Open details$/ }).map((b) => b.getAttribute("aria-label"));
const rowOf = (title: string) => screen.getByRole("button", { name: `${title}. Open details` });
const focusedTitle = () => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName;

/** List requests since the last create (the list as the server has it after Undo). */
const listedSinceCreate = () => {
  const calls = fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? "GET"} ${url}`);
  const create = calls.findLastIndex((call) => call === "POST /api/tasks");
  return create < 0 ? 0 : calls.slice(create).filter((call) => call.startsWith("GET /api/tasks?")).length;
};

/** List requests since the last PATCH (the list as the server has it after Undo moved a task back). */
const listedAfterPatch = () => {
  const calls = fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? "GET"} ${url}`);
  const patch = calls.findLastIndex((call) => call.startsWith("PATCH "));
  return patch < 0 ? 0 : calls.slice(patch).filter((call) => call.startsWith("GET /api/tasks?status")).length;
};

/** The toasts on screen, by their words. */
const toastTexts = () => [...document.querySelectorAll("[data-toast-id]")].map((el) => el.textContent ?? "");

/** Opens `title` from its row by keyboard, presses the bin and Delete; returns the toast. */
async function deleteByDrawer(title: string, button = "Delete") {
  const row = await screen.findByRole("button", { name: `${title}. Open details` });
  row.focus();
  fireEvent.click(row);
  const drawer = await screen.findByRole("dialog", { name: "Edit task" });
  await frames();
  fireEvent.click(within(drawer).getByRole("button", { name: "Delete task" }));
  await frames();
  // The question's safe answer has focus (before: <body>).
  expect(document.activeElement).toBe(within(drawer).getByRole("button", { name: "Keep" }));
  fireEvent.click(within(drawer).getByRole("button", { name: button }));
  // Looked for at once: a repeating task's next instance (same title) comes back to the list soon.
  await vi.waitFor(() => expect(screen.queryByRole("button", { name: `${title}. Open details` })).toBeNull(), { interval: 5 });
  const toast = await vi.waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>("[data-toast-id]")].find((el) => el.textContent?.includes("Deleted"));
    expect(found).toBeTruthy();
    return found!;
  });
  await frames();
  return toast;
}

describe("deleting a task from the edit drawer", () => {
  it("puts focus on the next task, and Undo makes the task again where it was, focused", async () => {
    stored[1] = { ...stored[1], rrule: null, is_recurring: false, series_id: null };
    renderTasks();
    await screen.findByText("3 tasks");
    const toast = await deleteByDrawer("Buy milk");
    expect(toast.textContent).toContain("Deleted “Buy milk”");
    expect(focusedTitle()).toBe("Call mom. Open details");

    // Before: no Undo.
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({
      title: "Buy milk",
      description: "2 litres",
      priority: "HIGH",
      tags: ["Shopping"],
      due_at: "2030-01-05T17:00:00.000Z",
      remind_at: "2030-01-05T16:30:00.000Z",
      rrule: null,
      repeat_from: "due",
      timezone: null,
    });
    await vi.waitFor(() => expect(focusedTitle()).toBe("Buy milk. Open details"));
    // The server lists the new task last (it is the newest); on screen it is where it was.
    await vi.waitFor(() => expect(listedSinceCreate()).toBeGreaterThan(0));
    await frames();
    expect(stored.map((t) => t.title)).toEqual(["Pay rent", "Call mom", "Buy milk"]);
    expect(titles()).toEqual(["Pay rent. Open details", "Buy milk. Open details", "Call mom. Open details"]);
    expect(focusedTitle()).toBe("Buy milk. Open details");
    expect(patched).toEqual([]);
  });

  it("says “Restored” once the server has made the task again (z or Undo), in the polite region, with no Undo of its own", async () => {
    stored[1] = { ...stored[1], rrule: null, is_recurring: false, series_id: null };
    let answer = () => {};
    createGate = new Promise<void>((resolve) => (answer = resolve));
    renderTasks();
    await screen.findByText("3 tasks");
    await deleteByDrawer("Buy milk");
    fireEvent.keyDown(document.activeElement ?? document.body, { key: "z" });
    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(true));
    await frames();
    // Not before the server has answered: it may yet refuse.
    expect(toastTexts().some((text) => text.includes("Restored"))).toBe(false);
    answer();
    const said = await vi.waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>("[data-toast-id]")].find((el) =>
        el.textContent?.includes("Restored “Buy milk”"),
      );
      expect(found).toBeTruthy();
      return found!;
    });
    expect(said.closest("[aria-live]")?.getAttribute("aria-live")).toBe("polite");
    expect(within(said).queryByRole("button", { name: "Undo" })).toBeNull();
  });

  it("Undo of deleting an open instance of a series moves its next instance back: one open, due as before", async () => {
    renderTasks();
    await screen.findByText("3 tasks");
    const toast = await deleteByDrawer("Buy milk");
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(focusedTitle()).toBe("Buy milk. Open details"));
    await vi.waitFor(() => expect(toastTexts().some((text) => text.includes("Restored “Buy milk”"))).toBe(true));
    // Before: made again with POST, a second series beside the next instance (two 'Buy milk').
    expect(created).toEqual([]);
    expect(patched).toEqual([
      [
        "next-of-b",
        "1",
        {
          title: "Buy milk",
          description: "2 litres",
          priority: "HIGH",
          tags: ["Shopping"],
          due_at: "2030-01-05T17:00:00.000Z",
          remind_at: "2030-01-05T16:30:00.000Z",
        },
      ],
    ]);
    const open = stored.filter((t) => t.title === "Buy milk" && !t.completed);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ id: "next-of-b", series_id: "s1", rrule: "FREQ=WEEKLY", due_at: "2030-01-05T17:00:00.000Z" });
    // On screen once, where it was (the server lists it last), focused.
    await vi.waitFor(() => expect(listedAfterPatch()).toBeGreaterThan(0));
    await frames();
    expect(titles()).toEqual(["Pay rent. Open details", "Buy milk. Open details", "Call mom. Open details"]);
    expect(focusedTitle()).toBe("Buy milk. Open details");
  });

  it("shows the series' next instance once recurring-service has made it, and says when it is due", async () => {
    // It comes through events after the 204 and the list's refetch (live: ~0.9 s after the delete).
    nextAfterMs = 400;
    // Repeating from completion: when the next one is due is not known before it is there.
    stored[1] = { ...stored[1], repeat_from: "completion", next_occurrence: "2030-01-12T17:00:00.000Z" };
    renderTasks();
    await screen.findByText("3 tasks");
    const toast = await deleteByDrawer("Buy milk", "Delete this one");
    expect(toast.textContent).toContain("The next one will appear shortly.");
    // Before: the list was fetched once, at the 204, and showed it only at the next refetch (a reload).
    await vi.waitFor(() => expect(titles()).toEqual(["Pay rent. Open details", "Call mom. Open details", "Buy milk. Open details"]), {
      timeout: 1_500,
    });
    // As Skip's toast says it: when the series goes on.
    await vi.waitFor(() => expect(toast.textContent).toContain(`Next due ${formatDue("2030-01-12T17:00:00.000Z")}`));
    expect(created).toEqual([]);
    expect(patched).toEqual([]);
  });

  it("shows the task once when the list already showed its next instance before Undo", async () => {
    const client = renderTasks();
    await screen.findByText("3 tasks");
    const toast = await deleteByDrawer("Buy milk");
    // The list refetched once the next instance was made: 'Buy milk' (a week later) is last.
    await vi.waitFor(() => expect(stored.some((t) => t.id === "next-of-b")).toBe(true));
    await client.invalidateQueries({ queryKey: ["tasks"] });
    await vi.waitFor(() =>
      expect(titles()).toEqual(["Pay rent. Open details", "Call mom. Open details", "Buy milk. Open details"]),
    );
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    // One 'Buy milk', where it was.
    await vi.waitFor(() =>
      expect(titles()).toEqual(["Pay rent. Open details", "Buy milk. Open details", "Call mom. Open details"]),
    );
    await vi.waitFor(() => expect(patched).toHaveLength(1));
    await vi.waitFor(() => expect(focusedTitle()).toBe("Buy milk. Open details"));
    await frames();
    expect(titles()).toEqual(["Pay rent. Open details", "Buy milk. Open details", "Call mom. Open details"]);
    expect(created).toEqual([]);
  });

  it("finds the next instance of a later instance of the series (its parent is the series' first task)", async () => {
    nextAfterMs = 400; // a few looks
    stored[1] = { ...stored[1], parent_task_id: "first" };
    renderTasks();
    await screen.findByText("3 tasks");
    const toast = await deleteByDrawer("Buy milk");
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(patched).toHaveLength(1));
    expect(patched[0][0]).toBe("next-of-b");
    expect(stored.filter((t) => t.title === "Buy milk")).toMatchObject([{ parent_task_id: "first", due_at: "2030-01-05T17:00:00.000Z" }]);
    expect(created).toEqual([]);
  });

  it("makes the task again when no next instance comes (the series had ended)", async () => {
    seriesEnded = true;
    Object.assign(nextInstanceWait, { timeoutMs: 200, intervalMs: 50 });
    renderTasks();
    await screen.findByText("3 tasks");
    const toast = await deleteByDrawer("Buy milk");
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ title: "Buy milk", rrule: "FREQ=WEEKLY", due_at: "2030-01-05T17:00:00.000Z" });
    expect(patched).toEqual([]);
    await vi.waitFor(() => expect(focusedTitle()).toBe("Buy milk. Open details"));
  });

  it("says so when the next instance changed meanwhile, and adds nothing", async () => {
    renderTasks();
    await screen.findByText("3 tasks");
    const toast = await deleteByDrawer("Buy milk");
    await vi.waitFor(() => expect(stored.some((t) => t.id === "next-of-b")).toBe(true));
    const next = stored.find((t) => t.id === "next-of-b")!;
    changedBeforePatch = true; // found with version 1, changed elsewhere before the PATCH arrives
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await screen.findByText("“Buy milk” was not brought back");
    expect(created).toEqual([]);
    await frames();
    expect(toastTexts().some((text) => text.includes("Restored"))).toBe(false);
    expect(next.due_at).toBe("2030-01-12T17:00:00.000Z");
  });

  it("puts focus on the previous task when the last one goes, and on the quick-add when none is left", async () => {
    stored = stored.slice(0, 2);
    seriesEnded = true; // no next 'Buy milk' comes to the list
    renderTasks();
    await screen.findByText("2 tasks");
    await deleteByDrawer("Buy milk");
    expect(focusedTitle()).toBe("Pay rent. Open details");
    await deleteByDrawer("Pay rent");
    await screen.findByText("Nothing to do. Yet.");
    expect(document.activeElement).toBe(screen.getByLabelText("Quick add a task"));
  });

  it("brings a completed task back completed; a completed instance of a series as a done one-off", async () => {
    Object.assign(stored[1], { completed: true, completed_at: "2030-01-02T00:00:00Z" });
    renderTasks("all");
    await screen.findByText("3 tasks");
    const toast = await deleteByDrawer("Buy milk");
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(stored.at(-1)?.completed).toBe(true));
    expect(created[0]).toMatchObject({ title: "Buy milk", rrule: null, repeat_from: "due", due_at: "2030-01-05T17:00:00.000Z" });
    expect(fetchMock.mock.calls.some(([url, init]) => init?.method === "POST" && String(url).endsWith("/new-1/complete"))).toBe(true);
    await vi.waitFor(() => expect(focusedTitle()).toBe("Buy milk. Open details"));
    expect(titles()).toEqual(["Pay rent. Open details", "Buy milk. Open details", "Call mom. Open details"]);
  });

  it("withdraws the Undo when the server refuses the delete (the task is back, nothing to undo)", async () => {
    const queryClient = renderTasks();
    await screen.findByText("3 tasks");
    refuseDelete = true;
    const row = rowOf("Pay rent");
    row.focus();
    fireEvent.click(row);
    const drawer = await screen.findByRole("dialog", { name: "Edit task" });
    fireEvent.click(within(drawer).getByRole("button", { name: "Delete task" }));
    fireEvent.click(within(drawer).getByRole("button", { name: "Delete" }));
    await screen.findByText("“Pay rent” was not deleted");
    await vi.waitFor(() => expect(screen.queryByRole("button", { name: "Undo" })).toBeNull());
    expect(created).toEqual([]);
    // Focus is on its row, still there; no "after the delete" focus is left waiting to fire
    // when the row leaves later for another reason (completed elsewhere, filtered out).
    await vi.waitFor(() => expect(focusedTitle()).toBe("Pay rent. Open details"));
    rowOf("Call mom").focus();
    stored = stored.filter((t) => t.title !== "Pay rent");
    await act(() => queryClient.invalidateQueries());
    await vi.waitFor(() => expect(titles()).not.toContain("Pay rent. Open details"));
    await frames();
    expect(focusedTitle()).toBe("Call mom. Open details");
  });
});

describe("the pieces", () => {
  const [a, b, c] = ["a", "b", "c"].map((id) => testTask({ id, title: id.toUpperCase() }));
  it("deleteToast says what went, with Undo", () => {
    const undo = vi.fn();
    const options = deleteToast(b, undo);
    expect(options).toMatchObject({ title: "Deleted “B”", action: { label: "Undo" } });
    options.action?.onClick();
    expect(undo).toHaveBeenCalledTimes(1);
  });

  // An open instance of a weekly series, before its Monday, and its next one: the toasts' clock.
  const now = new Date("2030-01-01T12:00:00Z");
  const standUp = testTask({
    id: "s",
    title: "Stand-up",
    due_at: "2030-01-06T09:30:00Z",
    next_occurrence: "2030-01-13T09:30:00Z",
    rrule: "FREQ=WEEKLY;BYDAY=MO",
    is_recurring: true,
    series_id: "s1",
  });

  it("deleteToast of one instance of a series says when the series goes on, as Skip's does", () => {
    // Before: 'Deleted “Stand-up”' and nothing about the series.
    expect(deleteToast(standUp, vi.fn(), false, now).description).toBe(`Next due ${formatDue("2030-01-13T09:30:00Z", now)}`);
    // Not known ahead (past, or from completion): said once it is there (nextDueWords).
    const late = new Date("2030-01-20T12:00:00Z");
    expect(deleteToast(standUp, vi.fn(), false, late).description).toBe("The next one will appear shortly.");
    expect(deleteToast({ ...standUp, repeat_from: "completion" }, vi.fn(), false, now).description).toBe("The next one will appear shortly.");
    // Its repeats stopped, the series' last one, or a one-off: nothing about a next one.
    expect(deleteToast({ ...standUp, next_occurrence: null }, vi.fn(), false, now).description).toBeUndefined();
    expect(deleteToast(standUp, vi.fn(), true, now).description).toBeUndefined();
    expect(deleteToast(b, vi.fn(), false, now).description).toBeUndefined();
  });

  it("toggleToast of a completed instance of a series says when it goes on, as deleteToast does", () => {
    // Before: "The next one will appear shortly." for every repeating task, the series' last one too.
    expect(toggleToast(standUp, true, vi.fn(), now).description).toBe(`Next due ${formatDue("2030-01-13T09:30:00Z", now)}`);
    expect(toggleToast({ ...standUp, repeat_from: "completion" }, true, vi.fn(), now).description).toBe("The next one will appear shortly.");
    expect(toggleToast({ ...standUp, next_occurrence: null }, true, vi.fn(), now).description).toBeUndefined();
    expect(toggleToast(b, true, vi.fn(), now).description).toBeUndefined();
    expect(toggleToast({ ...standUp, completed: true }, false, vi.fn(), now).description).toBeUndefined();
  });

  it("restoredToast: “Restored” once back; nothing more when a done task came back open (its error toast says so)", () => {
    expect(restoredToast(b, { ...b, id: "new-1" })).toEqual({ tone: "info", title: "Restored “B”" });
    const done = { ...b, completed: true };
    expect(restoredToast(done, { ...done, id: "new-1" })).toEqual({ tone: "info", title: "Restored “B”" });
    expect(restoredToast(done, { ...b, id: "new-1" })).toBeNull();
  });

  it("focusAfterDelete: the next task, else the previous one, null for none, undefined when not listed", () => {
    expect(focusAfterDelete([a, b, c], "b")).toBe("c");
    expect(focusAfterDelete([a, b, c], "c")).toBe("b");
    expect(focusAfterDelete([a], "a")).toBeNull();
    expect(focusAfterDelete([a, c], "b")).toBeUndefined();
  });

  it("keepInPlace puts a task back before the one that followed it, else after the one before it", () => {
    const n = testTask({ id: "n", title: "N" });
    const ids = (tasks: Task[]) => tasks.map((t) => t.id).join("");
    expect(ids(keepInPlace([a, c, n], [{ id: "n", before: "c", after: "a" }]))).toBe("anc");
    expect(ids(keepInPlace([n, a, c], [{ id: "n", before: "c", after: "a" }]))).toBe("anc");
    expect(ids(keepInPlace([a, n], [{ id: "n", before: "c", after: "a" }]))).toBe("an");
    expect(ids(keepInPlace([n, a, b], [{ id: "n", before: null, after: "b" }]))).toBe("abn");
    expect(ids(keepInPlace([a, n, b], [{ id: "n", before: "x", after: "y" }]))).toBe("anb");
    expect(ids(keepInPlace([a, b], [{ id: "n", before: "b", after: "a" }]))).toBe("ab");
  });

  it("movesNextBack, isNextInstanceOf, movedBackFields: an open instance of a series has its next one moved back", () => {
    const milk = testTask({ id: "m", series_id: "s", rrule: "FREQ=WEEKLY", due_at: "2030-01-01T09:00:00Z", tags: ["x"] });
    expect(movesNextBack(milk)).toBe(true);
    expect(movesNextBack({ ...milk, completed: true })).toBe(false);
    expect(movesNextBack({ ...milk, rrule: null })).toBe(false);
    const next = testTask({ id: "n", series_id: "s", parent_task_id: "m", rrule: "FREQ=WEEKLY" });
    expect(isNextInstanceOf(next, milk)).toBe(true);
    expect(isNextInstanceOf({ ...next, series_id: "other" }, milk)).toBe(false);
    expect(isNextInstanceOf({ ...next, completed: true }, milk)).toBe(false);
    expect(isNextInstanceOf({ ...next, parent_task_id: "first" }, { ...milk, parent_task_id: "first" })).toBe(true);
    expect(movedBackFields(milk)).toEqual({
      title: "Buy milk",
      description: "",
      priority: "MEDIUM",
      tags: ["x"],
      due_at: "2030-01-01T09:00:00Z",
      remind_at: null,
    });
  });

  it("restoreInput: the fields the assistant's undo restores; a done instance of a series as a one-off", () => {
    const task = testTask({ title: "T", description: "d", priority: "LOW", tags: ["x"], due_at: "2030-01-01T09:00:00Z", remind_at: "2030-01-01T08:00:00Z", rrule: "FREQ=DAILY", repeat_from: "completion" });
    expect(restoreInput(task)).toEqual({
      title: "T",
      description: "d",
      priority: "LOW",
      tags: ["x"],
      due_at: "2030-01-01T09:00:00Z",
      remind_at: "2030-01-01T08:00:00Z",
      rrule: "FREQ=DAILY",
      repeat_from: "completion",
      timezone: null,
    });
    expect(restoreInput({ ...task, completed: true })).toMatchObject({ rrule: null, repeat_from: "due", due_at: task.due_at });
  });
});
