// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider, useToast } from "@/components/ui/toast";
import { userTimeZone } from "@/lib/tasks";
import { TaskDrawer } from "./task-drawer";
import { testTask } from "./test-task";

const task = testTask();

let scrolled: Array<{ element: Element; options: unknown }>;
beforeEach(() => {
  vi.stubGlobal("fetch", vi.fn(async () => Response.json({ items: [], next_cursor: null })));
  // jsdom has no layout, hence no scrollIntoView: record the calls.
  scrolled = [];
  Element.prototype.scrollIntoView = function (this: Element, options?: unknown) {
    scrolled.push({ element: this, options });
  };
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  // @ts-expect-error -- back to jsdom's (absent) method
  delete Element.prototype.scrollIntoView;
});

function renderDrawer(onDelete = vi.fn()) {
  const onClose = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <TaskDrawer task={task} onClose={onClose} onDelete={onDelete} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return onClose;
}

const frames = () => new Promise((resolve) => setTimeout(resolve, 50));
const title = () => screen.getByLabelText("Title") as HTMLInputElement;
const escape = () => fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });

describe("TaskDrawer closing", () => {
  it("closes at once on Escape when nothing changed", () => {
    const onClose = renderDrawer();
    escape();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("asks before Escape drops an edit; Keep editing goes back to the field with the text", async () => {
    const onClose = renderDrawer();
    title().focus();
    fireEvent.change(title(), { target: { value: "Buy oat milk" } });
    escape();
    await frames();
    expect(onClose).not.toHaveBeenCalled();
    screen.getByRole("group", { name: "Discard changes?" });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Keep editing" }));

    fireEvent.click(screen.getByRole("button", { name: "Keep editing" }));
    await frames();
    expect(screen.queryByRole("group", { name: "Discard changes?" })).toBeNull();
    expect(document.activeElement).toBe(title());
    expect(title().value).toBe("Buy oat milk");

    // A second Escape while asked keeps editing too; only Discard drops the edit.
    escape();
    await frames();
    escape();
    await frames();
    expect(onClose).not.toHaveBeenCalled();
    escape();
    await frames();
    fireEvent.click(screen.getByRole("button", { name: "Discard" }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe("TaskDrawer tag box and Escape", () => {
  it("asks before Escape drops a tag that was typed but not yet added, and Keep editing keeps it", async () => {
    const onClose = renderDrawer();
    await frames(); // the drawer's own first focus (the title) lands in a frame
    const tags = screen.getByLabelText("Tags");
    tags.focus();
    fireEvent.change(tags, { target: { value: "Errands" } });
    expect(document.activeElement).toBe(tags);
    escape();
    await frames();
    // An Escape may first close the tag suggestions; a user then presses it again.
    if (!screen.queryByRole("group", { name: "Discard changes?" })) {
      escape();
      await frames();
    }
    expect(onClose).not.toHaveBeenCalled();
    screen.getByRole("group", { name: "Discard changes?" });

    fireEvent.click(screen.getByRole("button", { name: "Keep editing" }));
    await frames();
    // Back in the tag box; the text became a tag when focus left it (as on Save or Tab).
    expect(document.activeElement).toBe(screen.getByLabelText("Tags"));
    screen.getByRole("button", { name: "Remove tag Errands" });
    expect(onClose).not.toHaveBeenCalled();
  });

  it("still closes at once when the tag box holds only spaces", async () => {
    const onClose = renderDrawer();
    await frames();
    const tags = screen.getByLabelText("Tags");
    tags.focus();
    fireEvent.change(tags, { target: { value: "   " } });
    escape();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe("TaskDrawer validation", () => {
  it("focuses an empty title and scrolls its whole field, label included, into view", async () => {
    renderDrawer();
    fireEvent.change(title(), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await frames();
    expect(screen.getByRole("alert").textContent).toBe("A task needs a title.");
    expect(document.activeElement).toBe(title());
    const field = scrolled.at(-1);
    expect(field?.options).toEqual({ block: "center" });
    expect(field?.element.querySelector("label")?.textContent).toBe("Title");
  });
});

describe("TaskDrawer tags", () => {
  it("saves a tag that was typed but not yet added when Save is clicked", async () => {
    renderDrawer();
    const tags = screen.getByLabelText("Tags");
    tags.focus();
    fireEvent.change(tags, { target: { value: "Errands" } });
    // Clicking Save moves focus off the tag box first, as in a browser.
    act(() => tags.blur());
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await frames();
    const fetchMock = vi.mocked(fetch);
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === "PATCH");
    expect(patch?.[0]).toBe("/api/tasks/t1");
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ tags: ["Errands"] });
  });
});

describe("TaskDrawer priority", () => {
  it("is a radio group: one Tab stop (the task's priority), arrows choose and wrap, Home and End; Save sends it", async () => {
    const user = userEvent.setup();
    renderDrawer();
    const group = screen.getByRole("radiogroup", { name: "Priority" });
    const radios = within(group).getAllByRole("radio");
    expect(radios.map((radio) => radio.tabIndex)).toEqual([-1, -1, 0, -1]); // Medium
    await frames(); // the drawer has put focus on its first field
    screen.getByLabelText("Description").focus();
    await user.tab();
    expect(document.activeElement).toBe(within(group).getByRole("radio", { name: "Medium" }));
    await user.tab();
    expect(group.contains(document.activeElement)).toBe(false);
    await user.tab({ shift: true });
    const checked = () => within(group).getByRole("radio", { checked: true }).textContent;
    const steps: Array<[string, string]> = [
      ["{ArrowRight}", "Low"],
      ["{ArrowDown}", "Urgent"],
      ["{ArrowUp}", "Low"],
      ["{ArrowLeft}", "Medium"],
      ["{Home}", "Urgent"],
      ["{End}", "Low"],
      ["{ArrowLeft}", "Medium"],
      ["{ArrowLeft}", "High"],
    ];
    for (const [key, label] of steps) {
      await user.keyboard(key);
      expect([key, document.activeElement?.textContent, checked()]).toEqual([key, label, label]);
    }
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await frames();
    const patch = vi.mocked(fetch).mock.calls.find(([, init]) => init?.method === "PATCH");
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ priority: "HIGH" });
  });
});

describe("TaskDrawer priority's name", () => {
  it("is said once: the radio group is named by the visible 'Priority', with no group of the same name around it", () => {
    renderDrawer();
    const group = screen.getByRole("radiogroup", { name: "Priority" });
    // A fieldset + legend around an aria-labelled radio group made "Priority, group, Priority, radio group".
    expect(screen.queryAllByRole("group", { name: "Priority" })).toEqual([]);
    expect(group.hasAttribute("aria-label")).toBe(false);
    const label = document.getElementById(group.getAttribute("aria-labelledby") ?? "");
    expect(label?.textContent).toBe("Priority");
    expect(label?.closest("[aria-hidden], .sr-only")).toBeNull(); // the label seen is the name heard
  });

  it("ties a refused priority's message to the group", async () => {
    vi.mocked(fetch).mockImplementation(async () =>
      Response.json(
        { error: { code: "validation_error", message: "Invalid", fields: { priority: "Pick one of the four." } } },
        { status: 422 },
      ),
    );
    renderDrawer();
    fireEvent.click(screen.getByRole("radio", { name: "High" }));
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await frames();
    const group = screen.getByRole("radiogroup", { name: "Priority" });
    expect(document.getElementById(group.getAttribute("aria-describedby") ?? "")?.textContent).toBe("Pick one of the four.");
  });
});

describe("TaskDrawer and leaving the page", () => {
  const leave = () => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };

  it("has the browser ask before a reload or closing the tab drops unsaved changes", () => {
    renderDrawer();
    expect(leave()).toBe(false);
    fireEvent.change(title(), { target: { value: "Buy oat milk" } });
    expect(leave()).toBe(true);
    fireEvent.change(title(), { target: { value: task.title } });
    expect(leave()).toBe(false);
  });
});

describe("TaskDrawer and toasts", () => {
  it("keeps toasts above its Delete/Cancel/Save bar (a phone's 8 s 'Completed … Undo' covered Save)", () => {
    // jsdom has no layout: the bar holding Save is the bottom 65 px of the window.
    const rect = vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
      const top = this.className.includes("sticky") && this.querySelector("button[type=submit]") ? window.innerHeight - 65 : 0;
      return { top, bottom: top + 65, left: 0, right: 0, width: 0, height: 65, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
    });
    renderDrawer();
    expect(screen.getByRole("region", { name: "Notifications" }).style.bottom).toBe("65px");
    rect.mockRestore();
  });
});

describe("TaskDrawer over the tasks page", () => {
  /** The list's row that opens it, and the drawer, as the tasks page has them. */
  function Page() {
    const [open, setOpen] = useState(false);
    const { toast } = useToast();
    return (
      <main data-testid="main">
        <button type="button" onClick={() => setOpen(true)}>
          Pay rent. Open details
        </button>
        <TaskDrawer
          task={open ? task : null}
          onClose={() => setOpen(false)}
          onDelete={(deleted) => toast({ title: `Deleted “${deleted.title}”` })}
        />
      </main>
    );
  }
  const behind = (element: Element) => [Boolean(element.closest("[inert]")), Boolean(element.closest('[aria-hidden="true"]'))];
  const focus = HTMLElement.prototype.focus;
  beforeEach(() => {
    // As in browsers: an element in an inert subtree cannot take focus.
    HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
      if (this.closest("[inert]")) return;
      focus.call(this, options);
    };
  });
  afterEach(() => {
    HTMLElement.prototype.focus = focus;
  });

  it("asks about Delete inside the modal, and after Delete the toast is reachable, the page back, focus on the row", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ToastProvider>
          <Page />
        </ToastProvider>
      </QueryClientProvider>,
    );
    const row = screen.getByRole("button", { name: "Pay rent. Open details" });
    row.focus();
    fireEvent.click(row);
    const dialog = screen.getByRole("dialog", { name: "Edit task" });
    await frames();
    expect(behind(row)).toEqual([true, true]);

    fireEvent.click(within(dialog).getByRole("button", { name: "Delete task" }));
    // The question and its answers are part of the drawer: neither inert nor hidden.
    const confirm = within(dialog).getByRole("button", { name: "Delete" });
    expect([within(dialog).getByText("Delete this task?"), confirm].map(behind)).toEqual([
      [false, false],
      [false, false],
    ]);
    fireEvent.click(confirm);
    const toast = await vi.waitFor(() => {
      const shown = document.querySelector<HTMLElement>("[data-toast-id]");
      if (!shown) throw new Error("no toast yet");
      return shown;
    });
    expect(toast.textContent).toContain("Deleted “Buy milk”");
    expect(behind(toast)).toEqual([false, false]);
    await waitFor(() => expect(behind(row)).toEqual([false, false]));
    expect(document.activeElement).toBe(row);
  });
});

describe("TaskDrawer delete", () => {
  it("moves focus to the question's Keep when the bin asks, and back to the bin on Keep", async () => {
    renderDrawer();
    await frames();
    const bin = screen.getByRole("button", { name: "Delete task" });
    bin.focus();
    fireEvent.click(bin);
    const question = screen.getByRole("group", { name: "Delete this task?" });
    await frames();
    // Before: the bin went away with focus in it, and focus fell to <body>.
    expect(document.activeElement).toBe(within(question).getByRole("button", { name: "Keep" }));
    fireEvent.click(document.activeElement!);
    await frames();
    expect(screen.queryByRole("group", { name: "Delete this task?" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Delete task" }));
  });

  it("leaves the delete to the page (its toast, Undo and focus) and closes", async () => {
    const onDelete = vi.fn();
    const onClose = renderDrawer(onDelete);
    fireEvent.click(screen.getByRole("button", { name: "Delete task" }));
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    // Of the version it shows (If-Match): changed elsewhere meanwhile, it is not deleted.
    expect(onDelete).toHaveBeenCalledWith(task, { version: task.version });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe("TaskDrawer: a due date without a time", () => {
  it("says the time it will be due at as the app writes times (en-US '9:00 AM', not the form's '09:00')", () => {
    renderDrawer();
    fireEvent.change(screen.getByLabelText("Due date"), { target: { value: "2030-01-08" } });
    const nine = new Date(2030, 0, 8, 9, 0).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
    expect(nine).toBe("9:00 AM"); // this test's reader
    screen.getByText(`No time: due at ${nine}.`);
    fireEvent.change(screen.getByLabelText("Due time"), { target: { value: "14:30" } });
    expect(screen.queryByText(/^No time/)).toBeNull();
  });
});

describe("TaskDrawer: a repeating task moved off its rule's days", () => {
  // Monday 7 January 2030, 9:00 in the browser's zone; every Monday.
  const monday = testTask({
    id: "r1",
    title: "Standup",
    due_at: new Date(2030, 0, 7, 9, 0).toISOString(),
    rrule: "FREQ=WEEKLY;BYDAY=MO",
    is_recurring: true,
  });
  function open(shown = monday) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ToastProvider>
          <TaskDrawer task={shown} onClose={vi.fn()} onDelete={vi.fn()} />
        </ToastProvider>
      </QueryClientProvider>,
    );
  }
  const dueDate = () => screen.getByLabelText("Due date") as HTMLInputElement;
  const note = () => screen.queryByText(/^Only this time\./);

  it("says the move is this time only, the series staying every Monday", () => {
    open();
    expect(note()).toBeNull();
    fireEvent.change(dueDate(), { target: { value: "2030-01-08" } });
    // Before: nothing said it; the row then read "Tue · Every Mon".
    expect(note()?.textContent).toBe("Only this time. The series stays every Monday.");
    expect(note()?.getAttribute("aria-live")).toBe("polite");
    fireEvent.change(dueDate(), { target: { value: "2030-01-14" } });
    expect(note()).toBeNull();
  });

  it("says the move is this time only for a series on the month's last day", () => {
    // Thursday 31 January 2030, 9:00; every month on the last day. Before: nothing said it.
    open({ ...monday, id: "l1", due_at: new Date(2030, 0, 31, 9, 0).toISOString(), rrule: "FREQ=MONTHLY;BYMONTHDAY=-1" });
    fireEvent.change(dueDate(), { target: { value: "2030-01-15" } });
    expect(note()?.textContent).toBe("Only this time. The series stays on the last day.");
    fireEvent.change(dueDate(), { target: { value: "2030-02-28" } });
    expect(note()).toBeNull();
  });

  it("says nothing for a one-off task, a series without pinned days, or a rule changed to the new day (guards)", () => {
    open(testTask({ id: "o1", due_at: monday.due_at }));
    fireEvent.change(dueDate(), { target: { value: "2030-01-08" } });
    expect(note()).toBeNull();
    cleanup();
    open({ ...monday, id: "w1", rrule: "FREQ=WEEKLY" });
    fireEvent.change(dueDate(), { target: { value: "2030-01-08" } });
    expect(note()).toBeNull();
    cleanup();
    open({ ...monday, id: "r2" });
    fireEvent.change(dueDate(), { target: { value: "2030-01-08" } });
    expect(note()).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Repeat pattern"), { target: { value: "FREQ=WEEKLY;BYDAY=TU" } });
    expect(note()).toBeNull();
  });
});

describe("TaskDrawer: a repeat chosen whose days leave out the due day", () => {
  // Saturday 12 January 2030, 9:00 in the browser's zone; not repeating.
  const saturday = testTask({ id: "s1", title: "Standup", due_at: new Date(2030, 0, 12, 9, 0).toISOString() });
  function open(shown: ReturnType<typeof testTask>) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ToastProvider>
          <TaskDrawer task={shown} onClose={vi.fn()} onDelete={vi.fn()} />
        </ToastProvider>
      </QueryClientProvider>,
    );
  }
  const dueDate = () => (screen.getByLabelText("Due date") as HTMLInputElement).value;
  const dueTime = () => (screen.getByLabelText("Due time") as HTMLInputElement).value;
  const repeat = (value: string) => fireEvent.change(screen.getByLabelText("Repeat pattern"), { target: { value } });
  const note = () => screen.queryByText(/^Starts /);

  it("moves the due date to the first weekday, same time, says so, and saves that", async () => {
    open(saturday);
    repeat("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    // Before: the date stayed Saturday and it saved "Sat 9:00 AM · Every weekday", off its own rule.
    expect([dueDate(), dueTime()]).toEqual(["2030-01-14", "09:00"]);
    expect(note()?.textContent).toBe("Starts Mon, Jan 14, the first weekday (was Sat, Jan 12).");
    expect(note()?.getAttribute("aria-live")).toBe("polite");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await frames();
    const patch = vi.mocked(fetch).mock.calls.find(([, init]) => init?.method === "PATCH");
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({
      due_at: new Date(2030, 0, 14, 9, 0).toISOString(),
      rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      timezone: userTimeZone(), // the series keeps 09:00 in the user's zone across DST
    });
  });

  it("goes back to the date set when the repeat is taken off or changed to one that fits it", () => {
    open(saturday);
    repeat("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    expect(dueDate()).toBe("2030-01-14");
    repeat("none");
    expect(dueDate()).toBe("2030-01-12");
    expect(note()).toBeNull();
    repeat("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    repeat("FREQ=WEEKLY;BYDAY=SA");
    expect(dueDate()).toBe("2030-01-12");
    expect(note()).toBeNull();
  });

  it("moves a monthly 'on the 1st' on a task due the 5th to the 1st of next month", () => {
    open(testTask({ id: "m1", due_at: new Date(2030, 0, 5, 18, 30).toISOString() }));
    fireEvent.change(screen.getByLabelText("Repeat pattern"), { target: { value: "custom" } });
    fireEvent.change(screen.getByLabelText("Custom rule"), { target: { value: "FREQ=MONTHLY;BYMONTHDAY=1" } });
    expect([dueDate(), dueTime()]).toEqual(["2030-02-01", "18:30"]);
    expect(note()?.textContent).toBe("Starts Fri, Feb 1, the next 1st of a month (was Sat, Jan 5).");
  });

  it("moves a quarterly 'first Monday' (BYMONTH) on a task due Tue 1 Dec to Mon 4 Jan, as it moves a weekly one", () => {
    open(testTask({ id: "q1", title: "Quarterly review", due_at: new Date(2026, 11, 1, 11, 0).toISOString() }));
    fireEvent.change(screen.getByLabelText("Repeat pattern"), { target: { value: "custom" } });
    fireEvent.change(screen.getByLabelText("Custom rule"), { target: { value: "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1MO" } });
    // Before: Tue 1 Dec stayed the due date, off the rule's days.
    expect([dueDate(), dueTime()]).toEqual(["2027-01-04", "11:00"]);
    expect(note()?.textContent).toBe("Starts Mon, Jan 4, the next 1st Monday of Jan, Apr, Jul or Oct (was Tue, Dec 1).");
  });

  it("changes nothing for a repeat whose days include the due day, one from completion, or a series opened as it is (guards)", () => {
    open(testTask({ id: "g1", due_at: new Date(2030, 0, 14, 9, 0).toISOString() }));
    repeat("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    expect(dueDate()).toBe("2030-01-14");
    expect(note()).toBeNull();
    cleanup();
    open(testTask({ id: "g2", due_at: saturday.due_at, repeat_from: "completion" }));
    repeat("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    expect(dueDate()).toBe("2030-01-12");
    cleanup();
    // An every-Monday instance moved to a Saturday: opening it moves nothing (only this time).
    open({ ...saturday, id: "g3", rrule: "FREQ=WEEKLY;BYDAY=MO", is_recurring: true });
    expect(dueDate()).toBe("2030-01-12");
    expect(screen.getByText(/^Only this time\./)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Next one is due"), { target: { value: "completion" } });
    fireEvent.change(screen.getByLabelText("Next one is due"), { target: { value: "due" } });
    expect(dueDate()).toBe("2030-01-12");
  });
});

describe("TaskDrawer: moving the due date keeps the reminder's place", () => {
  // The browser in London, where summer time starts on Sunday 28 March 2027 (01:00 GMT). 'Bins' is
  // due Sunday 21 March at 07:00 GMT.
  beforeEach(() => void vi.stubEnv("TZ", "Europe/London"));
  afterEach(() => void vi.unstubAllEnvs());
  const bins = (remind_at: string, fields: Partial<ReturnType<typeof testTask>> = {}) =>
    testTask({ id: "b1", title: "Bins", due_at: "2027-03-21T07:00:00.000Z", remind_at, ...fields });
  function open(shown: ReturnType<typeof testTask>) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ToastProvider>
          <TaskDrawer task={shown} onClose={vi.fn()} onDelete={vi.fn()} />
        </ToastProvider>
      </QueryClientProvider>,
    );
  }
  async function moveTo(date: string) {
    fireEvent.change(screen.getByLabelText("Due date"), { target: { value: date } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await frames();
    const patch = vi.mocked(fetch).mock.calls.find(([, init]) => init?.method === "PATCH");
    return JSON.parse(String(patch?.[1]?.body)) as Record<string, unknown>;
  }

  it("keeps the evening before at 18:00 at 18:00 (before: it stayed on the old Saturday)", async () => {
    open(bins("2027-03-20T18:00:00.000Z"));
    expect(await moveTo("2027-03-28")).toEqual({ due_at: "2027-03-28T06:00:00.000Z", remind_at: "2027-03-27T18:00:00.000Z" });
  });

  it("keeps '1 day before' at the due time's clock time the day before (before: 24 hours, 06:00)", async () => {
    open(bins("2027-03-20T07:00:00.000Z"));
    expect((screen.getByLabelText("Reminder") as HTMLSelectElement).value).toBe("1440");
    expect(await moveTo("2027-03-28")).toEqual({ due_at: "2027-03-28T06:00:00.000Z", remind_at: "2027-03-27T07:00:00.000Z" });
  });

  it("keeps 30 minutes before 30 minutes before, and the task's own zone wins (guards)", async () => {
    open(bins("2027-03-21T06:30:00.000Z"));
    expect(await moveTo("2027-03-28")).toEqual({ due_at: "2027-03-28T06:00:00.000Z", remind_at: "2027-03-28T05:30:00.000Z" });
    cleanup();
    vi.mocked(fetch).mockClear();
    open(bins("2027-03-20T07:00:00.000Z", { timezone: "UTC", rrule: "FREQ=WEEKLY", is_recurring: true }));
    expect((await moveTo("2027-03-28")).remind_at).toBe("2027-03-27T06:00:00.000Z"); // 24 hours in UTC
  });

  it("sets the reminder changed in the form as it was set (guard)", async () => {
    open(bins("2027-03-20T18:00:00.000Z"));
    fireEvent.change(screen.getByLabelText("Remind me at"), { target: { value: "2027-03-26T09:00" } });
    expect(await moveTo("2027-03-28")).toEqual({ due_at: "2027-03-28T06:00:00.000Z", remind_at: "2027-03-26T09:00:00.000Z" });
  });
});
