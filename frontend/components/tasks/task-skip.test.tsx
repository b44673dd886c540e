// @vitest-environment jsdom
/**
 * User test (Tom, household chores): the assistant could "skip this week's bins" (the task moved
 * to its next date, the reminder with it), the web app had no way to. "Skip this one" in the
 * drawer does the same, with Undo; moving the due date onto the next occurrence in the drawer is
 * the same skip.
 */
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { formatDue, skippedFields, type Task } from "@/lib/tasks";
import { localDay } from "./off-rule";
import { VIEW_STORAGE_KEY } from "./tasks-view";
import { renderTasksView, stubListGlobals } from "./test-screen";
import { testTask } from "./test-task";

vi.mock("next/navigation", () => import("@/lib/test-address"));

const DAY = 86_400_000;
const MINUTE = 60_000;
// On a whole minute: the drawer's due time is to the minute.
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE;
const at = (ms: number) => new Date(ms).toISOString();
const DUE = NOW + 2 * DAY;
const NEXT = DUE + 7 * DAY;

/** Put the bins out, weekly, due in two days, reminded 15 minutes before; its next one a week on. */
const bins = (fields: Partial<Task> = {}) =>
  testTask({
    id: "b1",
    title: "Put the bins out",
    rrule: "FREQ=WEEKLY",
    is_recurring: true,
    series_id: "s1",
    due_at: at(DUE),
    remind_at: at(DUE - 15 * MINUTE),
    next_occurrence: at(NEXT),
    version: 3,
    ...fields,
  });

let stored: Task[];
let requests: Array<{ method: string; path: string; ifMatch: string | null; body: unknown }>;
let refuse: number | null;
// What recurring-service's /api/recurrence/next answers (where completing the task now would put
// the next one), and what it was asked.
let nextDue: string | null;
let nextAsked: string[];

beforeEach(() => {
  stored = [bins()];
  requests = [];
  refuse = null;
  nextDue = null;
  nextAsked = [];
  Element.prototype.scrollIntoView = () => {};
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      const { pathname: path } = new URL(url, "http://localhost");
      const method = init?.method ?? "GET";
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      const ifMatch = new Headers(init?.headers).get("If-Match");
      requests.push({ method, path, ifMatch, body });
      const task = stored.find((t) => path === `/api/tasks/${t.id}`);
      if (method === "PATCH" && task) {
        if (refuse) return Response.json({ error: { code: "precondition_failed", message: "The task has changed." } }, { status: refuse });
        if (ifMatch !== String(task.version))
          return Response.json({ error: { code: "precondition_failed", message: "The task has changed." } }, { status: 412 });
        // As task-service: the next occurrence is the rule's next after the new due time.
        const due = new Date((body as Task).due_at ?? task.due_at!).getTime();
        Object.assign(task, body, { next_occurrence: at(due + 7 * DAY), version: task.version + 1 });
        return Response.json(task);
      }
      if (method === "GET" && path === "/api/recurrence/next") {
        nextAsked.push(new URL(url, "http://localhost").searchParams.toString());
        return Response.json({ next_due: nextDue });
      }
      if (method === "GET" && path === "/api/tasks") return Response.json({ items: stored, next_cursor: null });
      if (method === "GET" && task) return Response.json(task);
      return Response.json({ items: [], next_cursor: null });
    }),
  );
  window.history.replaceState(null, "", "/tasks");
  stubListGlobals();
  localStorage.setItem(
    VIEW_STORAGE_KEY,
    JSON.stringify({ filters: { status: "open", priority: [], due: null, tags: [] }, sort: null, order: "asc" }),
  );
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  // @ts-expect-error -- back to jsdom's (absent) method
  delete Element.prototype.scrollIntoView;
});

const changes = () => requests.filter((r) => r.method !== "GET").map(({ method, path, ifMatch, body }) => ({ method, path, ifMatch, body }));

async function openDrawer(title = "Put the bins out") {
  renderTasksView();
  // The first render of the Tasks screen in a file loads its modules: over a second on a busy machine.
  fireEvent.click(await screen.findByRole("button", { name: `${title}. Open details` }, { timeout: 10_000 }));
  return screen.findByRole("dialog", { name: "Edit task" });
}

function toastSaying(text: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>("[data-toast-id]")].find((el) => el.textContent?.includes(text));
  expect(found).toBeTruthy();
  return found!;
}

describe("skippedFields", () => {
  it("moves the due time onto the next occurrence and the reminder by as much", () => {
    expect(skippedFields(bins())).toEqual({ due_at: at(NEXT), remind_at: at(NEXT - 15 * MINUTE) });
    expect(skippedFields(bins({ remind_at: null }))).toEqual({ due_at: at(NEXT) });
  });

  it("keeps the reminder's place on the wall clock of the task's zone across a daylight-saving change", () => {
    // Sundays 07:00 in London, reminded the evening before at 18:00; summer time starts on Sunday
    // 28 March 2027. Before: the reminder moved by the elapsed week, to 17:00.
    const sunday = bins({
      timezone: "Europe/London",
      due_at: "2027-03-21T07:00:00.000Z",
      remind_at: "2027-03-20T18:00:00.000Z",
      next_occurrence: "2027-03-28T06:00:00.000Z",
    });
    expect(skippedFields(sunday)).toEqual({ due_at: "2027-03-28T06:00:00.000Z", remind_at: "2027-03-27T18:00:00.000Z" });
    // A series in UTC keeps the elapsed offset.
    expect(skippedFields({ ...sunday, timezone: "UTC" })?.remind_at).toBe("2027-03-27T17:00:00.000Z");
  });

  it("has nothing to skip to for a one-off, a done one, the series' last, an undated one", () => {
    expect(skippedFields(bins({ rrule: null, is_recurring: false, next_occurrence: null }))).toBeNull();
    expect(skippedFields(bins({ completed: true }))).toBeNull();
    expect(skippedFields(bins({ next_occurrence: null }))).toBeNull();
    expect(skippedFields(bins({ due_at: null, next_occurrence: null }))).toBeNull();
  });

  // One rule with the assistant's skip: where completing it now would put the next one
  // (recurring-service's /next), not a next occurrence still in the past.
  it("moves an overdue one past its next occurrence, if that is past too, to where completing it now would put the next one", () => {
    const overdue = bins({ due_at: at(NOW - 3 * DAY), remind_at: at(NOW - 3 * DAY - 15 * MINUTE), next_occurrence: at(NOW - 2 * DAY) });
    expect(skippedFields(overdue)).toBeNull(); // not known yet
    expect(skippedFields(overdue, at(NOW + DAY))).toEqual({ due_at: at(NOW + DAY), remind_at: at(NOW + DAY - 15 * MINUTE) });
    // Its next occurrence still to come: that one, whatever else is said.
    expect(skippedFields(bins(), at(NOW + DAY))).toEqual({ due_at: at(NEXT), remind_at: at(NEXT - 15 * MINUTE) });
  });

  it("moves one repeating from completion to where completing it now would put the next one", () => {
    const plants = bins({ repeat_from: "completion" });
    expect(skippedFields(plants)).toBeNull(); // not known yet
    expect(skippedFields(plants, at(NOW + 3 * DAY))).toEqual({ due_at: at(NOW + 3 * DAY), remind_at: at(NOW + 3 * DAY - 15 * MINUTE) });
    expect(skippedFields(plants, null)).toBeNull(); // none (the series' UNTIL)
  });
});

describe("Skip this one", { timeout: 20_000 }, () => {
  it("moves the task to its next occurrence, reminder and all, with the drawer's version; says when; Undo moves it back", async () => {
    const drawer = await openDrawer();
    const skip = within(drawer).getByRole("button", { name: "Skip this one" });
    expect(document.getElementById(skip.getAttribute("aria-describedby")!)?.textContent).toBe(`Next due ${formatDue(at(NEXT))}.`);
    fireEvent.click(skip);
    const toast = await vi.waitFor(() => toastSaying("Skipped “Put the bins out”"));
    expect(toast.textContent).toContain(`Next due ${formatDue(at(NEXT)).replace(/^Tomorrow/, "tomorrow")}`);
    await vi.waitFor(() => expect(changes()).toHaveLength(1));
    expect(changes()[0]).toEqual({
      method: "PATCH",
      path: "/api/tasks/b1",
      ifMatch: "3",
      body: { due_at: at(NEXT), remind_at: at(NEXT - 15 * MINUTE) },
    });
    // Not completed: no completion, no next instance.
    expect(requests.some((r) => r.path.endsWith("/complete"))).toBe(false);

    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(changes()).toHaveLength(2));
    expect(changes()[1]).toEqual({
      method: "PATCH",
      path: "/api/tasks/b1",
      ifMatch: "4",
      body: { due_at: at(DUE), remind_at: at(DUE - 15 * MINUTE) },
    });
    await vi.waitFor(() => expect(stored[0]).toMatchObject({ due_at: at(DUE), remind_at: at(DUE - 15 * MINUTE) }));
  });

  it("says the skip was undone, and when the task is due again", async () => {
    const drawer = await openDrawer();
    fireEvent.click(within(drawer).getByRole("button", { name: "Skip this one" }));
    const toast = await vi.waitFor(() => toastSaying("Skipped “Put the bins out”"));
    await vi.waitFor(() => expect(changes()).toHaveLength(1));
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(changes()).toHaveLength(2));
    const when = formatDue(at(DUE)).replace(/^(Today|Tomorrow)/, (day) => day.toLowerCase());
    const said = await vi.waitFor(() => toastSaying(`Skip undone: “Put the bins out” is due ${when} again`));
    expect(within(said).queryByRole("button", { name: "Undo" })).toBeNull();
  });

  it("is not offered for a one-off or a series' last one", async () => {
    stored = [
      bins({ id: "one", title: "One-off", rrule: null, is_recurring: false, next_occurrence: null }),
      bins({ id: "last", title: "Last one", next_occurrence: null }),
    ];
    renderTasksView();
    for (const title of ["One-off", "Last one"]) {
      fireEvent.click(await screen.findByRole("button", { name: `${title}. Open details` }, { timeout: 10_000 }));
      const drawer = await screen.findByRole("dialog", { name: "Edit task" });
      expect(within(drawer).queryByRole("button", { name: "Skip this one" })).toBeNull();
      fireEvent.click(within(drawer).getByRole("button", { name: "Cancel" }));
    }
  });

  it("moves an overdue one to its first occurrence still to come, as the assistant does", async () => {
    stored = [bins({ due_at: at(NOW - 3 * DAY), remind_at: at(NOW - 3 * DAY - 15 * MINUTE), next_occurrence: at(NOW - 2 * DAY) })];
    nextDue = at(NOW + 4 * DAY);
    const drawer = await openDrawer();
    const skip = await within(drawer).findByRole("button", { name: "Skip this one" });
    expect(new URLSearchParams(nextAsked[0]).get("repeat_from")).toBe("due");
    expect(document.getElementById(skip.getAttribute("aria-describedby")!)?.textContent).toBe(`Next due ${formatDue(at(NOW + 4 * DAY))}.`);
    fireEvent.click(skip);
    await vi.waitFor(() => toastSaying("Skipped “Put the bins out”"));
    await vi.waitFor(() => expect(changes()).toHaveLength(1));
    expect(changes()[0].body).toEqual({ due_at: at(NOW + 4 * DAY), remind_at: at(NOW + 4 * DAY - 15 * MINUTE) });
  });

  it("is offered for one repeating from completion: it moves to where completing it now would put the next one", async () => {
    stored = [bins({ title: "Water plants", rrule: "FREQ=DAILY;INTERVAL=3", repeat_from: "completion" })];
    nextDue = at(NOW + 3 * DAY);
    const drawer = await openDrawer("Water plants");
    const skip = await within(drawer).findByRole("button", { name: "Skip this one" });
    expect(new URLSearchParams(nextAsked[0]).get("repeat_from")).toBe("completion");
    fireEvent.click(skip);
    const toast = await vi.waitFor(() => toastSaying("Skipped “Water plants”"));
    expect(toast.textContent).toContain("Next due");
    await vi.waitFor(() => expect(changes()).toHaveLength(1));
    expect(changes()[0].body).toEqual({ due_at: at(NOW + 3 * DAY), remind_at: at(NOW + 3 * DAY - 15 * MINUTE) });
    expect(requests.some((r) => r.path.endsWith("/complete"))).toBe(false);
  });

  // User test: an hourly chore repeating from completion, the drawer left open; Skip pressed an
  // hour later moved it to the slot said when the drawer opened, already past.
  it("asks again when Skip is pressed with the drawer open long: the slot from now, not from when it opened", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => void vi.useRealTimers());
    const HOUR = 60 * MINUTE;
    stored = [
      bins({
        title: "Stretch",
        rrule: "FREQ=HOURLY",
        repeat_from: "completion",
        due_at: at(NOW + 10 * MINUTE),
        remind_at: null,
        next_occurrence: at(NOW + 70 * MINUTE),
      }),
    ];
    nextDue = at(NOW + HOUR);
    const drawer = await openDrawer("Stretch");
    const skip = await within(drawer).findByRole("button", { name: "Skip this one" });
    await vi.waitFor(() => expect(document.getElementById("task-skip-next")?.textContent).toBe(`Next due ${formatDue(at(NOW + HOUR))}.`));
    expect(nextAsked).toHaveLength(1);
    vi.setSystemTime(Date.now() + HOUR + 5 * MINUTE);
    nextDue = at(NOW + 2 * HOUR + 5 * MINUTE);
    // The answer is held until the test lets it go: the button says it is busy meanwhile.
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const answering = vi.mocked(fetch).getMockImplementation()!;
    vi.mocked(fetch).mockImplementation(async (url, init) => {
      if (String(url).includes("/api/recurrence/next")) await held;
      return answering(url, init);
    });
    fireEvent.click(skip);
    await vi.waitFor(() => expect(skip.getAttribute("aria-busy")).toBe("true"));
    expect(skip.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(skip); // pressed again while it asks: one skip
    expect(changes()).toHaveLength(0);
    answer();
    await vi.waitFor(() => toastSaying("Skipped “Stretch”"));
    await vi.waitFor(() => expect(changes()).toHaveLength(1));
    expect(nextAsked).toHaveLength(2);
    expect(changes()[0].body).toEqual({ due_at: at(NOW + 2 * HOUR + 5 * MINUTE) });
  });

  it("asks again when the next occurrence it would move to has gone by with the drawer open", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => void vi.useRealTimers());
    const HOUR = 60 * MINUTE;
    stored = [bins({ title: "Stretch", rrule: "FREQ=HOURLY", due_at: at(NOW + 10 * MINUTE), remind_at: null, next_occurrence: at(NOW + 70 * MINUTE) })];
    const drawer = await openDrawer("Stretch");
    const skip = within(drawer).getByRole("button", { name: "Skip this one" });
    expect(nextAsked).toHaveLength(0); // its next occurrence is still to come: nothing to ask
    vi.setSystemTime(Date.now() + 2 * HOUR);
    nextDue = at(NOW + 2 * HOUR + 10 * MINUTE);
    fireEvent.click(skip);
    await vi.waitFor(() => expect(changes()).toHaveLength(1));
    expect(nextAsked).toHaveLength(1);
    expect(changes()[0].body).toEqual({ due_at: at(NOW + 2 * HOUR + 10 * MINUTE) });
  });

  it("not answered when asked again: says it was not skipped, and moves nothing", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => void vi.useRealTimers());
    stored = [bins({ title: "Stretch", rrule: "FREQ=HOURLY", due_at: at(NOW + 10 * MINUTE), remind_at: null, next_occurrence: at(NOW + 70 * MINUTE) })];
    const drawer = await openDrawer("Stretch");
    const skip = within(drawer).getByRole("button", { name: "Skip this one" });
    vi.setSystemTime(Date.now() + 2 * 60 * MINUTE);
    const answering = vi.mocked(fetch).getMockImplementation()!;
    vi.mocked(fetch).mockImplementation(async (url, init) =>
      String(url).includes("/api/recurrence/next")
        ? Response.json({ error: { code: "unavailable", message: "Try again." } }, { status: 503 })
        : answering(url, init),
    );
    fireEvent.click(skip);
    await screen.findByText("“Stretch” was not skipped");
    await vi.waitFor(() => expect(skip.getAttribute("aria-busy")).toBeNull());
    expect(changes()).toHaveLength(0);
  });

  it("skips at once with an answer under a minute old, and Undo still moves it back", async () => {
    stored = [bins({ title: "Water plants", rrule: "FREQ=DAILY;INTERVAL=3", repeat_from: "completion" })];
    nextDue = at(NOW + 3 * DAY);
    const drawer = await openDrawer("Water plants");
    const skip = await within(drawer).findByRole("button", { name: "Skip this one" });
    await vi.waitFor(() => expect(document.getElementById("task-skip-next")?.textContent).toBe(`Next due ${formatDue(at(NOW + 3 * DAY))}.`));
    fireEvent.click(skip);
    // No second question: skipped in the same click.
    const toast = toastSaying("Skipped “Water plants”");
    await vi.waitFor(() => expect(changes()).toHaveLength(1));
    expect(nextAsked).toHaveLength(1);
    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(changes()).toHaveLength(2));
    expect(changes()[1].body).toEqual({ due_at: at(DUE), remind_at: at(DUE - 15 * MINUTE) });
  });

  it("waits for unsaved edits: saved or dropped first", async () => {
    const drawer = await openDrawer();
    fireEvent.change(within(drawer).getByLabelText("Title"), { target: { value: "Put the bins and recycling out" } });
    const skip = within(drawer).getByRole("button", { name: "Skip this one" });
    expect(skip).toHaveProperty("disabled", true);
    expect(document.getElementById(skip.getAttribute("aria-describedby")!)?.textContent).toContain("Save or cancel your changes first.");
  });

  it("refused (changed elsewhere): says so, the Skipped toast goes", async () => {
    refuse = 412;
    const drawer = await openDrawer();
    fireEvent.click(within(drawer).getByRole("button", { name: "Skip this one" }));
    await screen.findByText("“Put the bins out” was not skipped");
    screen.getByText("It changed somewhere else meanwhile (shown as it is now).");
    await vi.waitFor(() => expect(screen.queryByText("Skipped “Put the bins out”")).toBeNull());
  });
});

describe("the drawer's due date moved onto the next occurrence", () => {
  it("is the same skip: said before saving, the reminder (a custom one too) moves with it, the Skipped toast with Undo", async () => {
    // Reminded two hours before: no preset offset, a custom reminder.
    stored = [bins({ remind_at: at(DUE - 120 * MINUTE) })];
    const drawer = await openDrawer();
    fireEvent.change(within(drawer).getByLabelText("Due date"), { target: { value: localDay(at(NEXT)) } });
    within(drawer).getByText("That is when the next one is due: saving skips this one, as “Skip this one” does.");
    fireEvent.click(within(drawer).getByRole("button", { name: "Save" }));
    await vi.waitFor(() => toastSaying("Skipped “Put the bins out”"));
    await vi.waitFor(() => expect(changes()).toHaveLength(1));
    expect(changes()[0]).toMatchObject({ ifMatch: "3", body: { due_at: at(NEXT), remind_at: at(NEXT - 120 * MINUTE) } });
  });

  it("with other edits too, saves them all, the reminder moved as a skip moves it", async () => {
    stored = [bins({ remind_at: at(DUE - 120 * MINUTE) })];
    const drawer = await openDrawer();
    fireEvent.change(within(drawer).getByLabelText("Title"), { target: { value: "Bins and recycling" } });
    fireEvent.change(within(drawer).getByLabelText("Due date"), { target: { value: localDay(at(NEXT)) } });
    fireEvent.click(within(drawer).getByRole("button", { name: "Save" }));
    await vi.waitFor(() => expect(changes()).toHaveLength(1));
    expect(changes()[0].body).toEqual({ title: "Bins and recycling", due_at: at(NEXT), remind_at: at(NEXT - 120 * MINUTE) });
  });
});
