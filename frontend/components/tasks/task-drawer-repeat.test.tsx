// @vitest-environment jsdom
/**
 * User-test findings on the edit drawer (freelancer and power-user personas):
 * - deleting a repeating task offered only "Delete / Keep": Delete removes this instance and the
 *   series goes on (recurring-service makes the next one), with no way to end the series;
 * - a save refused with 412 (changed in another tab) showed the API's "The task has changed: its
 *   version is now 2." under the form, and nothing of what had changed.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { formatDue, type Task } from "@/lib/tasks";
import { formFromTask, rebase, seriesNext, TaskDrawer } from "./task-drawer";
import { VIEW_STORAGE_KEY } from "./tasks-view";
import { testTask } from "./test-task";
import { renderTasksView, stubListGlobals } from "./test-screen";

vi.mock("next/navigation", () => import("@/lib/test-address"));

const DAY = 86_400_000;
const NOW = Date.now();
const inDays = (days: number) => new Date(NOW + days * DAY).toISOString();

/** An open instance of a weekly series, due in two days; its next one in nine. */
const weekly = () =>
  testTask({
    id: "w1",
    title: "Send invoice",
    rrule: "FREQ=WEEKLY",
    is_recurring: true,
    series_id: "s1",
    due_at: inDays(2),
    next_occurrence: inDays(9),
    version: 3,
  });

let requests: Array<{ method: string; path: string; ifMatch: string | null; body: unknown }>;
beforeEach(() => {
  requests = [];
  Element.prototype.scrollIntoView = () => {};
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  // @ts-expect-error -- back to jsdom's (absent) method
  delete Element.prototype.scrollIntoView;
});

/**
 * fetch answering `answer(method, path, body, query)` (else an empty list), recording what was
 * sent (its path with the query string).
 */
function stubFetch(
  answer: (method: string, path: string, body: unknown, query: URLSearchParams) => Response | undefined | Promise<Response>,
) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      const { pathname: path, search, searchParams } = new URL(url, "http://localhost");
      const method = init?.method ?? "GET";
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      requests.push({ method, path: path + search, ifMatch: new Headers(init?.headers).get("If-Match"), body });
      return (await answer(method, path, body, searchParams)) ?? Response.json({ items: [], next_cursor: null });
    }),
  );
}

function renderDrawer(task: Task, onDelete = vi.fn()) {
  const onClose = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const ui = (shown: Task) => (
    <QueryClientProvider client={client}>
      <ToastProvider>
        <TaskDrawer task={shown} onClose={onClose} onDelete={onDelete} />
      </ToastProvider>
    </QueryClientProvider>
  );
  const { rerender } = render(ui(task));
  return { onClose, onDelete, reload: (shown: Task) => rerender(ui(shown)) };
}

const frames = () => new Promise((resolve) => setTimeout(resolve, 50));
const describedText = (element: Element) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent)
    .join(" | ");

describe("deleting a repeating task from the drawer", () => {
  it("offers 'Delete this one' (the series goes on, next due …), 'Delete and stop repeating' and Keep", async () => {
    stubFetch(() => undefined);
    const task = weekly();
    const { onDelete, onClose } = renderDrawer(task);
    fireEvent.click(screen.getByRole("button", { name: "Delete task" }));
    const question = screen.getByRole("group", { name: "Delete this repeating task?" });
    await frames();
    expect(document.activeElement).toBe(within(question).getByRole("button", { name: "Keep" }));
    const one = within(question).getByRole("button", { name: "Delete this one" });
    expect(describedText(one)).toBe(`The series goes on: the next one is due ${formatDue(task.next_occurrence!)}.`);
    within(question).getByRole("button", { name: "Delete and stop repeating" });

    fireEvent.click(one);
    expect(onDelete.mock.calls).toEqual([[task, { version: 3 }]]); // the version it shows
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("gives its three answers the whole bar: Save and Cancel step aside until Keep", async () => {
    stubFetch(() => undefined);
    renderDrawer(weekly());
    expect(screen.getByRole("button", { name: "Save" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Delete task" }));
    const question = screen.getByRole("group", { name: "Delete this repeating task?" });
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
    fireEvent.click(within(question).getByRole("button", { name: "Keep" }));
    await frames();
    expect(screen.getByRole("button", { name: "Save" })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Delete task" }));
  });

  it("'Delete and stop repeating' has the Tasks screen delete it with its series ended, and closes", () => {
    stubFetch(() => undefined);
    const task = weekly();
    const { onDelete, onClose } = renderDrawer(task);
    fireEvent.click(screen.getByRole("button", { name: "Delete task" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete and stop repeating" }));
    // One request, made by the Tasks screen's delete (DELETE ?series=true): the drawer sends none.
    expect(onDelete.mock.calls).toEqual([[task, { series: true, version: 3 }]]);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("asks as before for a one-off, a done instance and the series' last one (guards)", () => {
    stubFetch(() => undefined);
    for (const task of [
      testTask({ id: "one-off" }),
      { ...weekly(), id: "done", completed: true, completed_at: inDays(-1) },
      { ...weekly(), id: "last", next_occurrence: null },
    ]) {
      renderDrawer(task);
      fireEvent.click(screen.getByRole("button", { name: "Delete task" }));
      screen.getByRole("group", { name: "Delete this task?" });
      expect(screen.queryByRole("button", { name: "Delete and stop repeating" })).toBeNull();
      cleanup();
    }
  });

  it("seriesNext: the next due time only when the task says it and it is still to come", () => {
    const now = new Date();
    expect(seriesNext(weekly(), now)).toEqual({ due: formatDue(weekly().next_occurrence!, now) });
    // Overdue by weeks: the next one is the rule's next after now, not next_occurrence.
    expect(seriesNext({ ...weekly(), due_at: inDays(-20), next_occurrence: inDays(-13) }, now)).toEqual({ due: null });
    expect(seriesNext({ ...weekly(), repeat_from: "completion" }, now)).toEqual({ due: null });
    expect(seriesNext({ ...weekly(), due_at: null, next_occurrence: null }, now)).toEqual({ due: null });
    expect(seriesNext(testTask(), now)).toBeNull();
  });
});

describe("deleting and stopping a series on the Tasks screen", () => {
  let stored: Task[];
  let refuseDelete: boolean;
  beforeEach(() => {
    refuseDelete = false;
    stored = [testTask({ id: "a", title: "Pay rent" }), weekly(), testTask({ id: "c", title: "Call mom" })];
    stubFetch((method, path, body, query) => {
      const task = stored.find((t) => path === `/api/tasks/${t.id}`);
      if (method === "PATCH" && task) {
        Object.assign(task, body, { is_recurring: false, next_occurrence: null, version: task.version + 1 });
        return Response.json(task);
      }
      if (method === "DELETE" && task) {
        if (refuseDelete) return Response.json({ error: { code: "internal", message: "Try again later." } }, { status: 503 });
        // As task-service: If-Match names the version the delete is for; another one is refused.
        const ifMatch = requests.at(-1)?.ifMatch;
        // (Answered after a moment, as over a network: the row has left the list meanwhile.)
        if (ifMatch && ifMatch !== String(task.version))
          return new Promise((resolve) =>
            setTimeout(
              () =>
                resolve(
                  Response.json(
                    { error: { code: "precondition_failed", message: `The task has changed: its version is now ${task.version}.` } },
                    { status: 412 },
                  ),
                ),
              200,
            ),
          );
        stored = stored.filter((t) => t !== task);
        // As recurring-service: an open instance still repeating makes its next one, unless its
        // series was ended with it (task-service's DELETE ?series=true).
        if (task.rrule && query.get("series") !== "true") stored.push({ ...task, id: "next", due_at: task.next_occurrence, version: 1 });
        return new Response(null, { status: 204 });
      }
      if (method === "POST" && path === "/api/tasks") {
        const made = testTask({ ...(body as Partial<Task>), id: "made", is_recurring: true, series_id: "s2" });
        stored.push(made);
        return Response.json(made, { status: 201 });
      }
      if (method === "GET" && path === "/api/tasks") return Response.json({ items: stored, next_cursor: null });
      return undefined;
    });
    window.history.replaceState(null, "", "/tasks");
    stubListGlobals();
    localStorage.setItem(
      VIEW_STORAGE_KEY,
      JSON.stringify({ filters: { status: "open", priority: [], due: null, tags: [] }, sort: null, order: "asc" }),
    );
  });

  /** The drawer open on version 3; another tab then renames the task (version 4); then `answer`. */
  async function stopAndDeleteChanged(answer = "Delete and stop repeating") {
    await stopAndDelete({
      before: () => Object.assign(stored[1], { title: "Send invoice to Acme", version: 4 }),
      answer,
    });
  }

  async function stopAndDelete({ before = () => {}, answer = "Delete and stop repeating" } = {}) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    renderTasksView(client);
    // A click focuses the row, as a browser does.
    const row = await screen.findByRole("button", { name: "Send invoice. Open details" });
    row.focus();
    fireEvent.click(row);
    const drawer = await screen.findByRole("dialog", { name: "Edit task" });
    before();
    fireEvent.click(within(drawer).getByRole("button", { name: "Delete task" }));
    fireEvent.click(within(drawer).getByRole("button", { name: answer }));
  }
  const changes = () => requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path} ${r.ifMatch ?? ""}`.trim());

  it("ends the series in one request (no next one comes), says so, and Undo brings the task back with its rule", async () => {
    await stopAndDelete();
    const toast = await vi.waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>("[data-toast-id]")].find((el) => el.textContent?.includes("Deleted “Send invoice” and stopped its repeats"));
      expect(found).toBeTruthy();
      return found!;
    });
    await vi.waitFor(() => expect(requests.some((r) => r.method === "DELETE")).toBe(true));
    // With the version the drawer showed (If-Match: 3).
    expect(changes()).toEqual(["DELETE /api/tasks/w1?series=true 3"]);
    expect(stored.map((t) => t.title)).toEqual(["Pay rent", "Call mom"]); // no next 'Send invoice'

    fireEvent.click(within(toast).getByRole("button", { name: "Undo" }));
    await vi.waitFor(() => expect(stored.map((t) => t.id)).toContain("made"));
    expect(requests.find((r) => r.method === "POST")?.body).toMatchObject({
      title: "Send invoice",
      rrule: "FREQ=WEEKLY",
      repeat_from: "due",
      due_at: weekly().due_at,
    });
    // Made again at once: no waiting for (and no PATCH of) a next instance that will not come.
    expect(changes()).toEqual(["DELETE /api/tasks/w1?series=true 3", "POST /api/tasks"]);
    await vi.waitFor(() => screen.getByRole("button", { name: "Send invoice. Open details" }));
  });

  it("changed elsewhere since the drawer showed it (412): nothing deleted, says so, shows it as it is now, the series goes on", async () => {
    await stopAndDeleteChanged();
    await screen.findByText("“Send invoice” was not deleted");
    // The batch's words for a 412, not the API's version sentence.
    screen.getByText("It changed somewhere else meanwhile (shown as it is now).");
    expect(document.body.textContent).not.toContain("version is now");
    expect(changes()).toEqual(["DELETE /api/tasks/w1?series=true 3"]);
    // Shown as it is now (the other tab's title), no Undo left, nothing deleted or made. (Behind
    // the drawer, below: hidden from the accessibility tree while it is open.)
    await vi.waitFor(() => screen.getByRole("button", { name: "Send invoice to Acme. Open details", hidden: true }));
    await vi.waitFor(() => expect(screen.queryByText(/Deleted “Send invoice”/)).toBeNull());
    expect(stored.map((t) => t.id)).toEqual(["a", "w1", "c"]);
    // And the drawer is open again on it, as it is now (user test: it had closed for good).
    // (Open: modal; jsdom plays no animation, so a closed one stays, inert, not modal.)
    const drawer = await vi.waitFor(() => {
      const open = screen.getAllByRole("dialog", { name: "Edit task" }).find((d) => d.getAttribute("aria-modal") === "true");
      expect(open).toBeTruthy();
      return open!;
    });
    await vi.waitFor(() => expect(within(drawer).getByLabelText("Title")).toHaveProperty("value", "Send invoice to Acme"));
    expect(new URLSearchParams(window.location.search).get("task")).toBe("w1");
    // Closed, focus goes to its row (not the one after it, where the delete had put it).
    await frames();
    fireEvent.click(within(drawer).getByRole("button", { name: "Cancel" }));
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Send invoice to Acme. Open details" })),
    );
  });

  it("'Delete this one' sends the drawer's version too: changed elsewhere, it is not deleted", async () => {
    await stopAndDeleteChanged("Delete this one");
    await screen.findByText("“Send invoice” was not deleted");
    expect(changes()).toEqual(["DELETE /api/tasks/w1 3"]);
    expect(stored.map((t) => t.id)).toEqual(["a", "w1", "c"]);
  });

  it("a refused delete deletes nothing and says so: the task is back, no Undo, the series goes on", async () => {
    refuseDelete = true;
    await stopAndDelete();
    await screen.findByText("“Send invoice” was not deleted");
    expect(changes()).toEqual(["DELETE /api/tasks/w1?series=true 3"]);
    await vi.waitFor(() => screen.getByRole("button", { name: "Send invoice. Open details" }));
    await vi.waitFor(() => expect(screen.queryByText(/Deleted “Send invoice”/)).toBeNull());
    expect(stored.map((t) => t.id)).toEqual(["a", "w1", "c"]);
  });
});

describe("a save refused because the task changed elsewhere (412)", () => {
  const mine = () =>
    testTask({ title: "Buy milk", description: "2 litres", priority: "MEDIUM", due_at: "2030-01-05T17:00:00.000Z", version: 1 });
  const refuse = () =>
    stubFetch((method) =>
      method === "PATCH"
        ? Response.json({ error: { code: "precondition_failed", message: "The task has changed: its version is now 2." } }, { status: 412 })
        : undefined,
    );

  async function editAndSave() {
    fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Buy oat milk" } });
    fireEvent.click(screen.getByRole("radio", { name: "High" }));
    fireEvent.change(screen.getByLabelText("Due date"), { target: { value: "2030-01-06" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("This task changed somewhere else");
  }

  it("shows no version sentence; notes 'Changed elsewhere: …' at each field edited here and there, tied to it", async () => {
    refuse();
    const { reload } = renderDrawer(mine());
    await editAndSave();
    // The other tab's version, as the refetch brings it.
    const theirs = { ...mine(), title: "Buy soy milk", priority: "LOW" as const, due_at: "2030-01-07T17:00:00.000Z", description: "1 litre", version: 2 };
    reload(theirs);
    await frames();
    expect(document.body.textContent).not.toContain("version is now");
    const title = screen.getByLabelText("Title") as HTMLInputElement;
    expect(title.value).toBe("Buy oat milk"); // the edit stays
    expect(describedText(title)).toBe("Changed elsewhere: “Buy soy milk”");
    const priority = screen.getByRole("radiogroup", { name: "Priority" });
    expect(describedText(priority)).toBe("Changed elsewhere: Low");
    const { dueDate, dueTime } = formFromTask(theirs);
    const day = new Date(`${dueDate}T12:00:00`).toLocaleDateString(undefined, { weekday: "short", month: "short", day: "numeric" });
    // The time as the list writes it ("5:00 PM" for this en-US reader), not the form's "17:00".
    const time = new Date(theirs.due_at).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
    const due = `Changed elsewhere: ${day}, ${time}`;
    expect(describedText(screen.getByLabelText("Due date"))).toBe(due);
    expect(describedText(screen.getByLabelText("Due time"))).toBe(due);
    // Not edited here: it takes the other value, and says so (no value to choose: it shows it).
    expect((screen.getByLabelText("Description") as HTMLTextAreaElement).value).toBe("1 litre");
    expect(describedText(screen.getByLabelText("Description"))).toBe("Updated elsewhere");
    expect(screen.getAllByText("Updated elsewhere")).toHaveLength(1);

    // Save again: this version, only what was edited here (the other tab's description stays).
    requests = [];
    stubFetch((method) => (method === "PATCH" ? Response.json({ ...theirs, version: 3 }) : undefined));
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await vi.waitFor(() => expect(requests.some((r) => r.method === "PATCH")).toBe(true));
    const patch = requests.find((r) => r.method === "PATCH")!;
    expect(patch.ifMatch).toBe("2");
    expect(patch.body).toEqual({ title: "Buy oat milk", priority: "HIGH", due_at: new Date(`2030-01-06T${dueTime}`).toISOString() });
  });

  it("drops a note once the field holds their value, and notes nothing changed the same way (guards)", async () => {
    refuse();
    const { reload } = renderDrawer(mine());
    await editAndSave();
    reload({ ...mine(), title: "Buy soy milk", priority: "HIGH", version: 2 });
    await frames();
    expect(screen.getByRole("radiogroup", { name: "Priority" }).getAttribute("aria-describedby")).toBeNull(); // both High
    expect(screen.queryByText(/Changed elsewhere: no due date|Changed elsewhere: .*Jan/)).toBeNull(); // due not changed there
    screen.getByText("Changed elsewhere: “Buy soy milk”");
    fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Buy soy milk" } });
    expect(screen.queryByText(/Changed elsewhere/)).toBeNull();
    expect(screen.queryByText("Updated elsewhere")).toBeNull(); // the title was edited here: not taken in
    expect(screen.getByLabelText("Title").getAttribute("aria-describedby")).toBeNull();
  });

  it("says 'Updated elsewhere' at a field another tab changed while the drawer was open, until it is edited here", async () => {
    const { reload } = renderDrawer(mine());
    reload({ ...mine(), priority: "LOW", version: 2 });
    await frames();
    const priority = screen.getByRole("radiogroup", { name: "Priority" });
    expect(screen.getByRole("radio", { name: "Low" }).getAttribute("aria-checked")).toBe("true");
    expect(describedText(priority)).toBe("Updated elsewhere");
    expect(screen.getAllByText("Updated elsewhere")).toHaveLength(1); // the title, due date… are as they were
    fireEvent.click(screen.getByRole("radio", { name: "High" }));
    expect(screen.queryByText("Updated elsewhere")).toBeNull();
  });

  it("rebase: parts not edited take the reloaded values; clashes are parts edited on both sides to different values", () => {
    const base = formFromTask(mine());
    const form = { ...base, title: "A", priority: "HIGH" as const, tags: ["x"] };
    const theirs = { ...base, title: "B", priority: "HIGH" as const, description: "new", reminder: "15" };
    const { form: next, clashes, taken } = rebase(form, base, theirs);
    expect(next).toEqual({ ...theirs, title: "A", tags: ["x"] });
    expect(clashes).toEqual(["title"]);
    expect(taken).toEqual(["description", "reminder"]);
  });
});
