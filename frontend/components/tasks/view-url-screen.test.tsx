// @vitest-environment jsdom
import { QueryClient } from "@tanstack/react-query";
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Task } from "@/lib/tasks";
import { VIEW_STORAGE_KEY } from "./tasks-view";
import { testTask } from "./test-task";
import { followAddress } from "@/lib/test-address";
import { renderTasksView, stubListGlobals } from "./test-screen";

/**
 * The Tasks view (filters, sort) in the address: a bookmark or a shared link shows it, the chips
 * and the sort write it, and /tasks with none shows the saved view and says it (view-url.ts).
 */

// Next's useSearchParams, read again when the address changes (lib/test-address.ts).
vi.mock("next/navigation", () => import("@/lib/test-address"));

let stored: Task[];
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  stored = [testTask({ id: "w1", title: "Submit report", tags: ["Work"], priority: "HIGH" })];
  fetchMock = vi.fn(async (url: string) => {
    const target = new URL(url, "http://localhost");
    const one = /\/tasks\/([^/]+)$/.exec(target.pathname);
    if (one) return Response.json(stored.find((t) => t.id === decodeURIComponent(one[1])));
    if (target.pathname.endsWith("/tags")) return Response.json({ suggested: [], used: [] });
    const tags = target.searchParams.get("tags")?.split(",") ?? [];
    const items = stored.filter((t) => tags.every((tag) => t.tags.some((own) => own.toLowerCase() === tag.toLowerCase())));
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

function save(view: { priority?: string[]; tags?: string[]; due?: string | null; sort?: string | null; order?: string }) {
  const { priority = [], tags = [], due = null, sort = null, order = "asc" } = view;
  localStorage.setItem(VIEW_STORAGE_KEY, JSON.stringify({ filters: { status: "open", priority, due, tags }, sort, order }));
}

function renderTasks() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  renderTasksView(client);
}

/** The parameters of the last list request. */
const listed = () => {
  const lists = fetchMock.mock.calls.map(([url]) => new URL(String(url), "http://localhost")).filter((u) => u.pathname.endsWith("/tasks"));
  return lists.at(-1)?.searchParams;
};
const chips = () => screen.queryAllByRole("button", { name: /^Remove filter/ }).map((b) => b.getAttribute("aria-label")!.replace("Remove filter ", ""));
const here = () => window.location.pathname + window.location.search;
const pushes = () => (window.history.pushState as unknown as ReturnType<typeof vi.fn>).mock.calls.length;
const sortBy = () => screen.getByLabelText("Sort by") as HTMLSelectElement;

describe("the view in the address", () => {
  it("shows the view a link names, over the saved one, and asks the API for exactly it", async () => {
    save({ tags: ["Home"], sort: "title" });
    window.history.replaceState(null, "", "/tasks?priority=HIGH,VERY_IMPORTANT&tags=Work&due=week&sort=due_at&order=desc");
    renderTasks();
    // The file's first render loads the screen's modules: over findBy's 1 s on a busy machine.
    await screen.findByText("1 task", undefined, { timeout: 10_000 });
    expect(chips()).toEqual(["Priority: Urgent", "Priority: High", "Due: Next 7 days", "#Work"]);
    expect(sortBy().value).toBe("due_at");
    expect(screen.getByRole("button", { name: /^Sort direction/ }).textContent).toBe("Latest first");
    const query = listed()!;
    expect([...query.keys()]).not.toContain("search");
    expect(Object.fromEntries(["status", "priority", "tags", "due", "sort", "order"].map((n) => [n, query.get(n)]))).toEqual({
      status: "open",
      priority: "VERY_IMPORTANT,HIGH",
      tags: "Work",
      due: "week",
      sort: "due_at",
      order: "desc",
    });
    // The link's view is shown, not saved: the saved one stays the reader's own.
    expect(JSON.parse(localStorage.getItem(VIEW_STORAGE_KEY)!)).toMatchObject({ filters: { tags: ["Home"] }, sort: "title" });
    expect(here()).toBe("/tasks?priority=VERY_IMPORTANT,HIGH&tags=Work&due=week&sort=due_at&order=desc");
  }, 30_000);

  it("writes a chip taken off, a sort and its direction into the address in place, and saves them", async () => {
    window.history.replaceState(null, "", "/tasks?priority=HIGH&tags=Work&search=report");
    renderTasks();
    await screen.findByText("1 task", undefined, { timeout: 10_000 });
    const entries = window.history.length;
    fireEvent.click(screen.getByRole("button", { name: "Remove filter Priority: High" }));
    await vi.waitFor(() => expect(here()).toBe("/tasks?search=report&tags=Work"));
    fireEvent.change(sortBy(), { target: { value: "created_at" } });
    await vi.waitFor(() => expect(here()).toBe("/tasks?search=report&tags=Work&sort=created_at"));
    fireEvent.click(screen.getByRole("button", { name: /^Sort direction/ }));
    await vi.waitFor(() => expect(here()).toBe("/tasks?search=report&tags=Work&sort=created_at&order=asc"));
    expect(listed()?.get("order")).toBe("asc");
    fireEvent.click(screen.getByRole("button", { name: "Remove filter #Work" }));
    fireEvent.change(sortBy(), { target: { value: "default" } });
    // The default view: no view parameters left.
    await vi.waitFor(() => expect(here()).toBe("/tasks?search=report"));
    expect(window.history.length).toBe(entries);
    expect(pushes()).toBe(0);
    expect(JSON.parse(localStorage.getItem(VIEW_STORAGE_KEY)!)).toMatchObject({ filters: { priority: [], tags: [] }, sort: null });
  }, 30_000);

  it("says a linked view shares filters, not tasks, when none of the reader's tasks match it; not once the reader changes it", async () => {
    window.history.replaceState(null, "", "/tasks?tags=Clients&priority=HIGH");
    renderTasks();
    await screen.findByRole("heading", { name: "No tasks match" }, { timeout: 10_000 });
    expect(screen.getByText(/Links share filters, not tasks/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove filter Priority: High" }));
    await vi.waitFor(() => expect(here()).toBe("/tasks?tags=Clients"));
    expect(screen.getByRole("heading", { name: "No tasks match" })).toBeTruthy();
    expect(screen.queryByText(/Links share filters/)).toBeNull();
    expect(screen.getByText("Try fewer filters or another search.")).toBeTruthy();
  }, 30_000);

  it("does not call the saved view a link when the address names it (a reload)", async () => {
    save({ tags: ["Clients"] });
    window.history.replaceState(null, "", "/tasks?tags=Clients");
    renderTasks();
    await screen.findByRole("heading", { name: "No tasks match" }, { timeout: 10_000 });
    expect(screen.queryByText(/Links share filters/)).toBeNull();
  }, 30_000);

  it("shows the saved view at a plain /tasks, and the address then says it (replaced, not pushed)", async () => {
    save({ tags: ["Work"], due: "today", sort: "created_at", order: "asc" });
    const entries = window.history.length;
    renderTasks();
    await screen.findByText("1 task", undefined, { timeout: 10_000 });
    expect(chips()).toEqual(["Due: Today", "#Work"]);
    await vi.waitFor(() => expect(here()).toBe("/tasks?tags=Work&due=today&sort=created_at&order=asc"));
    expect(window.history.length).toBe(entries);
    expect(pushes()).toBe(0);
  }, 30_000);

  it("leaves out what it cannot read, value by value: nothing the API would refuse, and the address tidied", async () => {
    const tags = ["work", "%23Work", "x".repeat(33), "a%00b", ...Array.from({ length: 40 }, (_, i) => `t${i}`)];
    window.history.replaceState(null, "", `/tasks?priority=URGENT,low&due=someday&sort=foo&order=up&status=done&tags=${tags.join(",")}`);
    renderTasks();
    await vi.waitFor(() => expect(listed()).toBeDefined(), { timeout: 10_000 });
    const query = listed()!;
    expect(query.get("status")).toBe("open");
    expect(query.get("priority")).toBe("LOW");
    expect(query.get("tags")).toBe("work,t0,t1,t2,t3,t4,t5,t6,t7,t8");
    for (const name of ["due", "sort", "order"]) expect(query.get(name)).toBeNull();
    await vi.waitFor(() => expect(here()).toBe("/tasks?priority=LOW&tags=work,t0,t1,t2,t3,t4,t5,t6,t7,t8"));
    expect(chips()).toEqual(["Priority: Low", "#work", ...Array.from({ length: 9 }, (_, i) => `#t${i}`)]);
  }, 30_000);

  it("shows the saved view again when a link goes to plain /tasks (the app bar's Tasks) while a linked one is on screen", async () => {
    save({ priority: ["LOW"] });
    window.history.replaceState(null, "", "/tasks?priority=HIGH");
    renderTasks();
    await screen.findByText("1 task", undefined, { timeout: 10_000 });
    expect(chips()).toEqual(["Priority: High"]);
    act(() => window.history.pushState(null, "", "/tasks"));
    await vi.waitFor(() => expect(chips()).toEqual(["Priority: Low"]));
    await vi.waitFor(() => expect(here()).toBe("/tasks?priority=LOW"));
    await vi.waitFor(() => expect(listed()?.get("priority")).toBe("LOW"));
  }, 30_000);

  it("keeps the view in an opened task's entry and the list's: Back shows the same list", async () => {
    window.history.replaceState(null, "", "/tasks?tags=Work&sort=title");
    renderTasks();
    fireEvent.click(await screen.findByRole("button", { name: "Submit report. Open details" }, { timeout: 10_000 }));
    await screen.findByRole("dialog", { name: "Edit task" });
    // Reloaded there, the list behind the task is the same.
    expect(here()).toBe("/tasks?task=w1&tags=Work&sort=title");
    window.history.back();
    await vi.waitFor(() => expect(here()).toBe("/tasks?tags=Work&sort=title"));
    await vi.waitFor(() =>
      expect(screen.queryByRole("dialog", { name: "Edit task" })?.getAttribute("aria-modal")).not.toBe("true"),
    );
    expect(chips()).toEqual(["#Work"]);
    expect(within(screen.getByLabelText("Sort by")).getByRole("option", { name: "Title" })).toHaveProperty("selected", true);
  }, 30_000);
});
