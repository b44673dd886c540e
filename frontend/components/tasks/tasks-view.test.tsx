// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { classesIn, ruleInMedia, tailwindCss } from "@/lib/test-css";
import { KeyboardShortcuts } from "@/components/shell/shortcuts-dialog";
import { ToastProvider } from "@/components/ui/toast";
import type { Task } from "@/lib/tasks";
import { TasksView, VIEW_STORAGE_KEY } from "./tasks-view";
import { testTask } from "./test-task";
import { followAddress } from "@/lib/test-address";
import { renderTasksView, stubListGlobals } from "./test-screen";

// Next's useSearchParams, read again when the address changes (lib/test-address.ts).
vi.mock("next/navigation", () => import("@/lib/test-address"));

/** The server: the tasks it holds, listed by their tags (the filter this test sets) and search. */
let stored: Task[];
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  stored = [testTask({ id: "w1", title: "Submit report", tags: ["Work"] })];
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const done = /tasks\/([^/]+)\/(complete|reopen)$/.exec(new URL(url, "http://localhost").pathname);
    if (init?.method === "POST" && done) {
      const index = stored.findIndex((t) => t.id === decodeURIComponent(done[1]));
      stored[index] = { ...stored[index], completed: done[2] === "complete", version: stored[index].version + 1 };
      return Response.json(stored[index]);
    }
    if (init?.method === "POST") {
      const sent = JSON.parse(String(init.body));
      const task = testTask({ ...sent, id: `new-${stored.length}`, priority: sent.priority ?? "MEDIUM" });
      stored.push(task);
      return Response.json(task, { status: 201 });
    }
    if (init?.method === "PATCH") {
      const id = decodeURIComponent(new URL(url, "http://localhost").pathname.split("/").at(-1)!);
      const index = stored.findIndex((t) => t.id === id);
      stored[index] = { ...stored[index], ...JSON.parse(String(init.body)), version: stored[index].version + 1 };
      return Response.json(stored[index]);
    }
    const query = new URL(url, "http://localhost").searchParams;
    const tags = query.get("tags")?.split(",") ?? [];
    const search = query.get("search")?.toLowerCase() ?? "";
    const items = stored.filter(
      (t) =>
        tags.every((tag) => t.tags.some((own) => own.toLowerCase() === tag.toLowerCase())) &&
        t.title.toLowerCase().includes(search),
    );
    return Response.json({ items, next_cursor: null, corrected_search: null });
  });
  vi.stubGlobal("fetch", fetchMock);
  window.history.replaceState(null, "", "/tasks");
  followAddress();
  stubListGlobals();
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderTasks(filters: { tags?: string[] } = {}) {
  localStorage.setItem(
    VIEW_STORAGE_KEY,
    JSON.stringify({ filters: { status: "open", priority: [], due: null, tags: filters.tags ?? [] }, sort: null, order: "asc" }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // Beside it, the app bar's "?" dialog, on the Tasks screen.
  renderTasksView(client, <KeyboardShortcuts pathname="/tasks" />);
}

async function quickAdd(text: string) {
  const box = await screen.findByLabelText("Quick add a task");
  fireEvent.change(box, { target: { value: text } });
  // The parser loads on first use; Enter before it has would parse on submit anyway. Its
  // first import took over findBy's default 1 s in about 1 run of 4 on a busy machine.
  await screen.findByText("Adds", undefined, { timeout: 10_000 });
  fireEvent.submit(box.closest("form")!);
  await vi.waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(true));
}

const toasts = () => [...document.querySelectorAll<HTMLElement>("[data-toast-id]")].filter((el) => el.textContent?.includes("Added"));

describe("the Tasks heading", () => {
  it("is one a navigation may focus (RouteFocus, after signing in), with no focus ring: it is no Tab stop", async () => {
    renderTasks();
    const heading = await screen.findByRole("heading", { level: 1, name: "Tasks" });
    expect(heading.tabIndex).toBe(-1);
    expect(heading.classList.contains("outline-none")).toBe(true);
  });
});

describe("a task quick-added while the view hides it", () => {
  it("says it was added and that the filters hide it, with a button that clears them", async () => {
    renderTasks({ tags: ["Work"] });
    // The file's first render loads the screen's modules: over findBy's 1 s on a busy machine.
    await screen.findByText("1 task", undefined, { timeout: 10_000 });
    await quickAdd("Buy bread");
    // Before: the line emptied and nothing on screen changed, so the task seemed lost.
    const toast = await vi.waitFor(() => {
      const found = toasts()[0];
      expect(found).toBeTruthy();
      return found;
    });
    expect(toast.textContent).toContain("Added “Buy bread”");
    expect(toast.textContent).toContain("Your filters hide it.");
    fireEvent.click(within(toast).getByRole("button", { name: "Clear filters" }));
    await screen.findByText("2 tasks");
    expect(screen.queryByRole("button", { name: /^Remove filter/ })).toBeNull();
  }, 30_000);

  it("says nothing when the filtered list shows the new task", async () => {
    renderTasks({ tags: ["Work"] });
    await screen.findByText("1 task");
    await quickAdd("Prepare slides #Work");
    await screen.findByText("2 tasks");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(toasts()).toEqual([]);
  });

  it("says nothing in the unfiltered list", async () => {
    renderTasks();
    await screen.findByText("1 task");
    await quickAdd("Buy bread");
    await screen.findByText("2 tasks");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(toasts()).toEqual([]);
  });

  it("names the search when only the search hides it", async () => {
    renderTasks();
    await screen.findByText("1 task");
    fireEvent.change(screen.getByLabelText("Search tasks"), { target: { value: "report" } });
    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([url]) => String(url).includes("search=report"))).toBe(true));
    await quickAdd("Buy bread");
    const toast = await vi.waitFor(() => {
      const found = toasts()[0];
      expect(found).toBeTruthy();
      return found;
    });
    expect(toast.textContent).toContain("Your search hides it.");
    fireEvent.click(within(toast).getByRole("button", { name: "Clear search" }));
    expect((screen.getByLabelText("Search tasks") as HTMLInputElement).value).toBe("");
  });
});

describe("the browser's Back with a task open", () => {
  async function openReport() {
    renderTasks();
    fireEvent.click(await screen.findByRole("button", { name: "Submit report. Open details" }));
    const drawer = await screen.findByRole("dialog", { name: "Edit task" });
    expect(new URLSearchParams(window.location.search).get("task")).toBe("w1");
    return drawer;
  }
  // A closed drawer stays mounted (inert) until its slide-out animation ends, which jsdom never plays.
  const drawerOpen = () => screen.queryByRole("dialog", { name: "Edit task" })?.getAttribute("aria-modal") === "true";
  const back = async () => {
    window.history.back();
    await new Promise((resolve) => setTimeout(resolve, 50)); // jsdom fires popstate after a task
  };

  beforeEach(() => window.history.replaceState(null, "", "/tasks"));

  it("closes the drawer and stays on the list (it left the page)", async () => {
    await openReport();
    await back();
    await vi.waitFor(() => expect(drawerOpen()).toBe(false));
    expect(window.location.pathname + window.location.search).toBe("/tasks");
  });

  it("asks before dropping unsaved changes; Keep editing keeps them, Discard closes", async () => {
    const drawer = await openReport();
    fireEvent.change(within(drawer).getByLabelText("Title"), { target: { value: "Submit the Q3 report" } });
    await back();
    // Before: the page was left and the edit was lost without a word.
    within(drawer).getByRole("group", { name: "Discard changes?" });
    expect(new URLSearchParams(window.location.search).get("task")).toBe("w1");
    fireEvent.click(within(drawer).getByRole("button", { name: "Keep editing" }));
    expect((within(drawer).getByLabelText("Title") as HTMLInputElement).value).toBe("Submit the Q3 report");

    await back();
    fireEvent.click(within(drawer).getByRole("button", { name: "Discard" }));
    await vi.waitFor(() => expect(drawerOpen()).toBe(false));
    await vi.waitFor(() => expect(window.location.search).toBe(""));
  });

  it("leaves no entry of its own behind when closed with its button: one Back then leaves the list", async () => {
    window.history.replaceState(null, "", "/dashboard");
    window.history.pushState(null, "", "/tasks");
    const drawer = await openReport();
    fireEvent.click(within(drawer).getByRole("button", { name: "Cancel" }));
    await vi.waitFor(() => expect(window.location.search).toBe(""));
    expect(window.location.pathname).toBe("/tasks");
    await back();
    expect(window.location.pathname).toBe("/dashboard");
  });
});

describe("the search box and the address", () => {
  const box = () => screen.getByLabelText("Search tasks") as HTMLInputElement;
  const searchInAddress = () => new URLSearchParams(window.location.search).get("search");
  const searchedFor = (words: string) =>
    vi.waitFor(() =>
      expect(fetchMock.mock.calls.some(([url]) => new URL(String(url), "http://localhost").searchParams.get("search") === words)).toBe(true),
    );

  // Before: the box was emptied but ?search=report stayed, so a reload (or the link shared)
  // brought the old search back.
  it.each([
    ["typing it empty", () => fireEvent.change(box(), { target: { value: "" } })],
    ["its clear button", () => fireEvent.click(screen.getByRole("button", { name: "Clear search" }))],
    ["Escape", () => fireEvent.keyDown(box(), { key: "Escape" })],
  ])("takes ?search= out of the address when the box is emptied by %s, and keeps the other parameters", async (_, empty) => {
    stored.push(testTask({ id: "h1", title: "Buy milk" }));
    window.history.replaceState(null, "", "/tasks?search=report&view=week#top");
    renderTasks();
    await screen.findByText("1 task");
    expect(box().value).toBe("report");
    empty();
    expect(box().value).toBe("");
    await vi.waitFor(() => expect(window.location.search).toBe("?view=week"));
    expect(window.location.pathname + window.location.hash).toBe("/tasks#top");
    await screen.findByText("2 tasks");
  });

  it("gives focus to the box when its clear button (which then goes) is clicked", async () => {
    window.history.replaceState(null, "", "/tasks?search=report");
    renderTasks();
    await screen.findByText("1 task");
    const clear = screen.getByRole("button", { name: "Clear search" });
    clear.focus(); // as a click does
    fireEvent.click(clear);
    expect(screen.queryByRole("button", { name: "Clear search" })).toBeNull();
    expect(document.activeElement).toBe(box());
  });

  it("shows what is typed in the address, replacing its entry rather than adding one per keystroke", async () => {
    stored.push(testTask({ id: "h1", title: "Buy milk" }));
    renderTasks();
    await screen.findByText("2 tasks");
    const entries = window.history.length;
    for (const typed of ["m", "mi", "mil", "milk "]) fireEvent.change(box(), { target: { value: typed } });
    await searchedFor("milk");
    await vi.waitFor(() => expect(searchInAddress()).toBe("milk"));
    // The box keeps what was typed (its trailing space), the address the words searched.
    expect(box().value).toBe("milk ");
    fireEvent.change(box(), { target: { value: "report" } });
    await vi.waitFor(() => expect(searchInAddress()).toBe("report"));
    expect(window.history.length).toBe(entries);
  });

  it("keeps the search of a link to a task in the address once the task is closed", async () => {
    window.history.replaceState(null, "", "/tasks?task=w1&search=report");
    renderTasks();
    const drawer = await screen.findByRole("dialog", { name: "Edit task" });
    fireEvent.click(within(drawer).getByRole("button", { name: "Cancel" }));
    // Before: "/tasks", while the box still said "report".
    await vi.waitFor(() => expect(window.location.search).toBe("?search=report"));
    expect(box().value).toBe("report");
  });

  it("empties the box on Back to the list without a search, and fills it again on Forward", async () => {
    renderTasks();
    await screen.findByText("1 task");
    // A link to a search (an assistant chip) while the list is on screen.
    act(() => window.history.pushState(null, "", "/tasks?search=report"));
    await vi.waitFor(() => expect(box().value).toBe("report"));
    window.history.back();
    await vi.waitFor(() => expect(box().value).toBe(""));
    expect(window.location.search).toBe("");
    window.history.forward();
    await vi.waitFor(() => expect(box().value).toBe("report"));
  });
});

const TOUCH = "(hover: none) and (pointer: coarse)";

describe("on a phone (a touch screen, 390 px wide)", () => {
  it("shows no keyboard hints and a quick-add hint that fits, with CSS alone", async () => {
    stored = [];
    renderTasks();
    await screen.findByText("Nothing to do. Yet.");
    const css = await tailwindCss(classesIn(document.body));

    // Quick-add: the long example (603 px of text in a 264 px box at 390 px) is see-through below
    // 1024 px; a short hint takes its place while the box is empty.
    const quick = screen.getByLabelText("Quick add a task");
    expect(quick.getAttribute("aria-keyshortcuts")).toBe("n");
    expect(ruleInMedia(css, "(width < 64rem)", "max-lg:placeholder:text-transparent")).toContain("color: transparent");
    expect(quick.classList).toContain("max-lg:placeholder:text-transparent");
    const short = screen.getByTestId("quick-add-short-hint");
    expect(short.getAttribute("aria-hidden")).toBe("true");
    expect(short.textContent).toBe("Add a task, e.g. Milk tomorrow");
    expect(short.classList).toContain("max-lg:peer-placeholder-shown:flex");
    expect(ruleInMedia(css, "(width < 64rem)", "max-lg:peer-placeholder-shown:flex")).toContain("display: flex");
    expect(quick.classList).toContain("peer");
    expect(quick.nextElementSibling).toBe(short);

    // Search: no "( / )" in the placeholder; the "/" badge is hidden on touch screens, and beats
    // the rule that shows it while the box is empty.
    const search = screen.getByLabelText("Search tasks");
    expect(search.getAttribute("placeholder")).toBe("Search");
    expect(search.getAttribute("aria-keyshortcuts")).toBe("/");
    const badge = screen.getByTestId("search-shortcut-hint");
    expect(badge.classList).toContain("touch:hidden!");
    expect(ruleInMedia(css, TOUCH, "touch:hidden!")).toContain("display: none !important");

    // The empty list: "press n" only where there is a keyboard.
    const hint = screen.getByTestId("keyboard-hint");
    expect(hint.textContent).toContain("press n");
    expect(hint.classList).toContain("touch:hidden");
    expect(ruleInMedia(css, TOUCH, "touch:hidden")).toContain("display: none");
    expect(hint.closest("p")?.textContent?.replace(hint.textContent!, "")).toBe(
      "Type a task in the box above and say everything in one line:",
    );
  });
});

describe("sort and direction", () => {
  /** The sort and order of the last list request. */
  const lastListed = () => {
    const gets = fetchMock.mock.calls.filter(([url, init]) => (init?.method ?? "GET") === "GET" && String(url).includes("tasks?"));
    const query = new URL(String(gets.at(-1)?.[0]), "http://localhost").searchParams;
    return `${query.get("sort")} ${query.get("order")}`;
  };
  const pick = (label: string) => {
    const select = screen.getByLabelText("Sort by") as HTMLSelectElement;
    const option = [...select.options].find((o) => o.textContent === label)!;
    fireEvent.change(select, { target: { value: option.value } });
  };
  const direction = () => screen.getByRole("button", { name: /^Sort direction/ });
  const flip = () => fireEvent.click(direction());

  it("starts Created newest first; the direction button still flips it", async () => {
    renderTasks();
    await screen.findByText("1 task");
    pick("Created");
    // Before: created_at asc, the oldest task first.
    await vi.waitFor(() => expect(lastListed()).toBe("created_at desc"));
    expect(screen.getByRole("button", { name: "Sort direction: Newest first" })).toBeTruthy();
    flip();
    await vi.waitFor(() => expect(lastListed()).toBe("created_at asc"));
    expect(JSON.parse(localStorage.getItem(VIEW_STORAGE_KEY)!)).toMatchObject({ sort: "created_at", order: "asc" });
  });

  it("starts each other sort the way it reads first (soonest, A→Z, highest), whatever the last one was", async () => {
    renderTasks();
    await screen.findByText("1 task");
    pick("Due date");
    await vi.waitFor(() => expect(lastListed()).toBe("due_at asc"));
    flip();
    await vi.waitFor(() => expect(lastListed()).toBe("due_at desc"));
    pick("Title");
    await vi.waitFor(() => expect(lastListed()).toBe("title asc"));
    pick("Created");
    await vi.waitFor(() => expect(lastListed()).toBe("created_at desc"));
    pick("Priority");
    await vi.waitFor(() => expect(lastListed()).toBe("priority asc"));
  });

  it("says what the direction means for each sort, not Ascending or Descending", async () => {
    renderTasks();
    await screen.findByText("1 task");
    // Before: "Ascending order; switch to descending" (title "Ascending") whatever the sort.
    const said = () => [direction().getAttribute("aria-label"), direction().textContent, direction().getAttribute("title")];
    pick("Created");
    await vi.waitFor(() => expect(lastListed()).toBe("created_at desc"));
    expect(said()).toEqual(["Sort direction: Newest first", "Newest first", "Switch to oldest first"]);
    flip();
    await vi.waitFor(() => expect(lastListed()).toBe("created_at asc"));
    expect(said()).toEqual(["Sort direction: Oldest first", "Oldest first", "Switch to newest first"]);
    pick("Due date");
    await vi.waitFor(() => expect(lastListed()).toBe("due_at asc"));
    expect(said()).toEqual(["Sort direction: Soonest first", "Soonest first", "Switch to latest first"]);
    flip();
    await vi.waitFor(() => expect(lastListed()).toBe("due_at desc"));
    expect(direction().textContent).toBe("Latest first");
    pick("Title");
    await vi.waitFor(() => expect(lastListed()).toBe("title asc"));
    // The arrow is seen; "to" is what is read out.
    expect(screen.getByRole("button", { name: "Sort direction: A to Z" })).toBe(direction());
    expect(direction().textContent).toBe("A to Z");
    expect(direction().getAttribute("title")).toBe("Switch to Z to A");
    flip();
    await vi.waitFor(() => expect(lastListed()).toBe("title desc"));
    expect(screen.getByRole("button", { name: "Sort direction: Z to A" })).toBe(direction());
    pick("Priority");
    await vi.waitFor(() => expect(lastListed()).toBe("priority asc"));
    expect(said()).toEqual(["Sort direction: Most important first", "Most important first", "Switch to least important first"]);
    flip();
    await vi.waitFor(() => expect(lastListed()).toBe("priority desc"));
    expect(direction().textContent).toBe("Least important first");
    expect(screen.queryByText(/ascending|descending/i)).toBeNull();
  });

  it("has no direction for the smart order or best match (relevance): the button is off and says nothing", async () => {
    localStorage.setItem(VIEW_STORAGE_KEY, JSON.stringify({ filters: {}, sort: "relevance", order: "desc" }));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    renderTasksView(client);
    await screen.findByText("1 task");
    // A stored relevance sort is not kept: the server's order, no sort sent.
    expect(lastListed()).toBe("null null");
    expect((screen.getByLabelText("Sort by") as HTMLSelectElement).value).toBe("default");
    expect(direction().getAttribute("aria-label")).toBe("Sort direction");
    expect(direction().textContent).toBe("");
    expect((direction() as HTMLButtonElement).disabled).toBe(true);
    expect(direction().getAttribute("title")).toBe("Choose a sort to set the direction");
    fireEvent.change(screen.getByLabelText("Search tasks"), { target: { value: "report" } });
    await vi.waitFor(() => expect(screen.getByRole("option", { name: "Best match" })).toBeTruthy());
    expect((direction() as HTMLButtonElement).disabled).toBe(true);
    expect(direction().textContent).toBe("");
  });

  it("keeps a saved 'Created, oldest first' through a reload until another sort is picked", async () => {
    localStorage.setItem(
      VIEW_STORAGE_KEY,
      JSON.stringify({ filters: { status: "open", priority: [], due: null, tags: [] }, sort: "created_at", order: "asc" }),
    );
    const mount = () => {
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      return renderTasksView(client);
    };
    const first = mount();
    await screen.findByText("1 task");
    expect(lastListed()).toBe("created_at asc");
    expect((screen.getByLabelText("Sort by") as HTMLSelectElement).value).toBe("created_at");
    expect(direction().getAttribute("aria-label")).toBe("Sort direction: Oldest first");
    first.unmount();
    mount();
    await screen.findByText("1 task");
    expect(lastListed()).toBe("created_at asc");
    expect(direction().textContent).toBe("Oldest first");
    // Another sort starts its own way; Created picked again starts newest first (README).
    pick("Due date");
    await vi.waitFor(() => expect(lastListed()).toBe("due_at asc"));
    pick("Created");
    await vi.waitFor(() => expect(lastListed()).toBe("created_at desc"));
    expect(JSON.parse(localStorage.getItem(VIEW_STORAGE_KEY)!)).toMatchObject({ sort: "created_at", order: "desc" });
  });
});

describe("a task added already past its due time", () => {
  afterEach(() => vi.useRealTimers());
  const sent = (method: string) =>
    fetchMock.mock.calls.filter(([, init]) => init?.method === method).map(([url, init]) => [String(url), JSON.parse(String(init.body))]);
  const lateToast = () => [...document.querySelectorAll<HTMLElement>("[data-toast-id]")].find((el) => el.textContent?.includes("which has passed"));

  it("says so in the add confirmation, with Move to tomorrow (same time)", async () => {
    // Monday 7 January 2030, 5:17 PM in the browser's zone; only the clock is faked.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2030, 0, 7, 17, 17));
    renderTasks();
    await screen.findByText("1 task");
    await quickAdd("Pay bill today 3pm");
    expect(sent("POST")[0][1]).toMatchObject({ title: "Pay bill", due_at: new Date(2030, 0, 7, 15, 0).toISOString() });
    // Before: no word; the new row simply showed "Overdue".
    const toast = await vi.waitFor(() => {
      const found = lateToast();
      expect(found).toBeTruthy();
      return found!;
    });
    expect(toast.textContent).toContain("Added “Pay bill”");
    expect(toast.textContent).toContain("Due 3:00 PM today, which has passed.");
    fireEvent.click(within(toast).getByRole("button", { name: "Move to tomorrow" }));
    await vi.waitFor(() => expect(sent("PATCH")).toHaveLength(1));
    const [url, body] = sent("PATCH")[0];
    expect(url).toContain("tasks/new-1");
    expect(body).toEqual({ due_at: new Date(2030, 0, 8, 15, 0).toISOString() });
    await vi.waitFor(() => expect(lateToast()).toBeUndefined());
  });

  it("says it in one toast with the filters hiding it too, offering Move to tomorrow", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2030, 0, 7, 17, 17));
    renderTasks({ tags: ["Work"] });
    await screen.findByText("1 task");
    await quickAdd("Pay bill today 3pm");
    const toast = await vi.waitFor(() => {
      const found = lateToast();
      expect(found).toBeTruthy();
      return found!;
    });
    // Before: two toasts, "Your filters hide it." (Clear filters) and then the past-due one.
    expect(toasts()).toHaveLength(1);
    expect(toast.textContent).toContain("Added “Pay bill”");
    expect(toast.textContent).toContain("Due 3:00 PM today, which has passed. Your filters hide it.");
    expect(within(toast).getAllByRole("button").map((b) => b.textContent || b.getAttribute("aria-label"))).toEqual([
      "Move to tomorrow",
      "Dismiss notification",
    ]);
    fireEvent.click(within(toast).getByRole("button", { name: "Move to tomorrow" }));
    await vi.waitFor(() => expect(sent("PATCH")).toHaveLength(1));
    expect(sent("PATCH")[0][1]).toEqual({ due_at: new Date(2030, 0, 8, 15, 0).toISOString() });
  });

  it("says nothing more for a task due later, or with no due date (guard)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2030, 0, 7, 17, 17));
    renderTasks();
    await screen.findByText("1 task");
    await quickAdd("Pay bill today 8pm");
    await screen.findByText("2 tasks");
    await quickAdd("Call mom");
    await screen.findByText("3 tasks");
    expect(lateToast()).toBeUndefined();
    expect(toasts()).toHaveLength(0);
  });
});

describe("the keyboard shortcuts dialog", () => {
  it("opens on ? outside a field, lists the shortcuts, and Esc closes it with focus back on the row", async () => {
    renderTasks();
    const row = await screen.findByRole("button", { name: "Submit report. Open details" });
    row.focus();
    fireEvent.keyDown(row, { key: "?", shiftKey: true });
    // Before: nothing; only the one-line footer named a few keys.
    const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    const listed = within(dialog)
      .getAllByRole("definition")
      .map((dd) => `${dd.previousElementSibling?.textContent} ${dd.textContent}`);
    expect(listed).toEqual(expect.arrayContaining(["nq New task (quick add)", "x Complete or reopen the task", "? This list"]));
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Close" }));
    // The page behind does not take its shortcuts meanwhile.
    fireEvent.keyDown(document.activeElement!, { key: "n" });
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Close" }));
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(screen.queryByRole("dialog", { name: "Keyboard shortcuts" })).toBeNull();
    expect(document.activeElement).toBe(row);
    expect(screen.getByText(/all shortcuts/).textContent).toContain("? all shortcuts");
  });

  it("does not open on ? typed in a field (guard)", async () => {
    renderTasks();
    await screen.findByText("1 task");
    const search = screen.getByLabelText("Search tasks");
    search.focus();
    fireEvent.keyDown(search, { key: "?", shiftKey: true });
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("z after x: the keyboard's undo", () => {
  const posted = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === "POST")
      .map(([url]) => new URL(String(url), "http://localhost").pathname.split("/").slice(-2).join("/"));

  it("x completes the focused task, z presses the toast's Undo: it is reopened", async () => {
    renderTasks();
    const row = await screen.findByRole("button", { name: "Submit report. Open details" });
    row.focus();
    fireEvent.keyDown(row, { key: "x" });
    await vi.waitFor(() => expect(posted()).toEqual(["w1/complete"]));
    const toast = [...document.querySelectorAll<HTMLElement>("[data-toast-id]")].find((el) => el.textContent?.includes("Completed “Submit report”"))!;
    expect(within(toast).getByRole("button", { name: "Undo" }).getAttribute("aria-keyshortcuts")).toBe("Z Control+Z Meta+Z");
    fireEvent.keyDown(document.activeElement ?? document.body, { key: "z" });
    // Before: nothing; only a click (or Tab to it) on Undo reopened it.
    await vi.waitFor(() => expect(posted()).toEqual(["w1/complete", "w1/reopen"]));
    expect([...document.querySelectorAll<HTMLElement>("[data-toast-id]")].some((el) => el.textContent?.includes("Completed “Submit report”"))).toBe(false);
  });

  it("says the undo: z (or the toast's Undo) after completing says “Reopened”, not only the count", async () => {
    renderTasks();
    const row = await screen.findByRole("button", { name: "Submit report. Open details" });
    row.focus();
    fireEvent.keyDown(row, { key: "x" });
    await vi.waitFor(() => expect(posted()).toEqual(["w1/complete"]));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: "z" });
    await vi.waitFor(() => expect(posted()).toEqual(["w1/complete", "w1/reopen"]));
    const said = [...document.querySelectorAll<HTMLElement>("[data-toast-id]")].find((el) => el.textContent?.includes("Reopened “Submit report”"));
    expect(said).toBeTruthy();
    // Nothing to undo there: z does not bounce the task back and forth.
    expect(within(said!).queryByRole("button", { name: "Undo" })).toBeNull();
  });

  it("lists z in the shortcuts dialog and the footer", async () => {
    renderTasks();
    await screen.findByText("1 task");
    expect(screen.getByText(/all shortcuts/).textContent).toContain("z undo");
    fireEvent.keyDown(document.body, { key: "?" });
    const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    expect(within(dialog).getByText("Undo (the newest toast's Undo)").previousElementSibling?.textContent).toBe("zCtrl+Z");
  });
});

describe("the search box and the list's arrows", () => {
  beforeEach(() => {
    stored = [testTask({ id: "r1", title: "Submit report" }), testTask({ id: "r2", title: "Print report" })];
  });
  const row = (title: string) => screen.getByRole("button", { name: `${title}. Open details` });

  it("↓ in the search box goes to the first result; ↑ on the first row comes back to the box", async () => {
    renderTasks();
    const search = screen.getByLabelText("Search tasks");
    await screen.findByText("2 tasks");
    search.focus();
    fireEvent.change(search, { target: { value: "report" } });
    await screen.findByText("2 tasks");
    const down = fireEvent.keyDown(search, { key: "ArrowDown" });
    expect(down).toBe(false);
    // Before: focus stayed in the box (the list leaves a field's arrows alone).
    await vi.waitFor(() => expect(document.activeElement).toBe(row("Submit report")));
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    await vi.waitFor(() => expect(document.activeElement).toBe(row("Print report")));
    fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    await vi.waitFor(() => expect(document.activeElement).toBe(row("Submit report")));
    fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    expect(document.activeElement).toBe(search);
    expect((search as HTMLInputElement).value).toBe("report");
  });

  it("leaves the box's other keys alone, and k on the first row stays there (guards)", async () => {
    renderTasks();
    const search = screen.getByLabelText("Search tasks");
    await screen.findByText("2 tasks");
    search.focus();
    expect(fireEvent.keyDown(search, { key: "ArrowDown", shiftKey: true })).toBe(true);
    expect(fireEvent.keyDown(search, { key: "j" })).toBe(true);
    expect(document.activeElement).toBe(search);
    row("Submit report").focus();
    fireEvent.keyDown(row("Submit report"), { key: "k" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(row("Submit report"));
  });
});

describe("Escape in an empty search box", () => {
  // Before: it blurred the box, so focus fell to the body and the next Tab started from the top.
  beforeEach(() => {
    stored = [testTask({ id: "r1", title: "Submit report" }), testTask({ id: "r2", title: "Print report" })];
  });
  function renderInMain() {
    localStorage.setItem(
      VIEW_STORAGE_KEY,
      JSON.stringify({ filters: { status: "open", priority: [], due: null, tags: [] }, sort: null, order: "asc" }),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ToastProvider>
          <main id="main" tabIndex={-1}>
            <TasksView />
          </main>
        </ToastProvider>
      </QueryClientProvider>,
    );
  }
  const row = (title: string) => screen.getByRole("button", { name: `${title}. Open details` });

  it("gives focus back to the task row it came from (↑ on the first row)", async () => {
    renderInMain();
    await screen.findByText("2 tasks");
    const search = screen.getByLabelText("Search tasks");
    row("Submit report").focus();
    fireEvent.keyDown(row("Submit report"), { key: "ArrowUp" });
    expect(document.activeElement).toBe(search);
    fireEvent.keyDown(search, { key: "Escape" });
    expect(document.activeElement).toBe(row("Submit report"));
  });

  it("with words, Escape clears them and stays; then, empty, it goes to <main> when focus came from nowhere", async () => {
    renderInMain();
    await screen.findByText("2 tasks");
    const search = screen.getByLabelText("Search tasks") as HTMLInputElement;
    fireEvent.keyDown(document.body, { key: "/" });
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: "report" } });
    fireEvent.keyDown(search, { key: "Escape" });
    expect(search.value).toBe("");
    expect(document.activeElement).toBe(search); // guard: as before
    fireEvent.keyDown(search, { key: "Escape" });
    expect(document.activeElement).toBe(document.getElementById("main"));
  });
});
