import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS } from "@/lib/tasks";
import { addressWithView, viewFromAddress, viewKeyOf, viewQuery, withViewOf, type ViewState } from "./view-url";

const DEFAULT: ViewState = { filters: DEFAULT_FILTERS, sort: null, order: "asc" };
const read = (query: string) => viewFromAddress(new URLSearchParams(query));

const views: ViewState[] = [
  DEFAULT,
  { filters: { status: "completed", priority: [], due: null, tags: [] }, sort: null, order: "asc" },
  { filters: { status: "all", priority: ["VERY_IMPORTANT", "LOW"], due: "none", tags: ["Work", "deep work", "ünï"] }, sort: null, order: "asc" },
  { filters: { status: "open", priority: ["HIGH"], due: "week", tags: ["Work"] }, sort: "due_at", order: "asc" },
  { filters: { status: "open", priority: [], due: "overdue", tags: [] }, sort: "due_at", order: "desc" },
  { filters: { status: "open", priority: [], due: "today", tags: [] }, sort: "created_at", order: "desc" },
  { filters: DEFAULT_FILTERS, sort: "created_at", order: "asc" },
  { filters: DEFAULT_FILTERS, sort: "title", order: "desc" },
  { filters: DEFAULT_FILTERS, sort: "priority", order: "asc" },
];

describe("the view in the address", () => {
  it("reads back every view it writes", () => {
    for (const view of views) {
      const query = viewQuery(view);
      expect(query === "" ? DEFAULT : read(query)).toEqual(view);
    }
  });

  it("writes only what differs from the defaults, in the API's names, commas as commas", () => {
    expect(viewQuery(DEFAULT)).toBe("");
    expect(viewQuery(views[3])).toBe("priority=HIGH&tags=Work&due=week&sort=due_at");
    expect(viewQuery(views[2])).toBe("status=all&priority=VERY_IMPORTANT,LOW&tags=Work,deep+work,%C3%BCn%C3%AF&due=none");
    // The order only when it is not the sort's starting one (Created: newest first).
    expect(viewQuery(views[5])).toBe("due=today&sort=created_at");
    expect(viewQuery(views[6])).toBe("sort=created_at&order=asc");
    expect(viewQuery(views[4])).toBe("due=overdue&sort=due_at&order=desc");
    // No sort: its direction means nothing and is not written.
    expect(viewQuery({ ...DEFAULT, order: "desc" })).toBe("");
  });

  it("keeps priorities in their own order, however given", () => {
    const view = { ...DEFAULT, filters: { ...DEFAULT_FILTERS, priority: ["LOW", "VERY_IMPORTANT", "HIGH"] } } as ViewState;
    expect(viewQuery(view)).toBe("priority=VERY_IMPORTANT,HIGH,LOW");
    expect(read("priority=LOW,medium,HIGH,LOW")?.filters.priority).toEqual(["HIGH", "MEDIUM", "LOW"]);
    expect(read("priority=very-important")?.filters.priority).toEqual(["VERY_IMPORTANT"]);
  });

  it("names no view when the address has none of its parameters", () => {
    expect(read("")).toBeNull();
    expect(read("search=pay&task=t1")).toBeNull();
    expect(viewKeyOf(new URLSearchParams("search=pay"))).toBeNull();
    expect(viewKeyOf(new URLSearchParams("due=today&search=pay&priority=HIGH"))).toBe("priority=HIGH&due=today");
  });

  it("leaves out, value by value, what it cannot read", () => {
    expect(read("priority=URGENT,HIGH&due=someday&sort=foo&order=up&status=done")).toEqual({
      ...DEFAULT,
      filters: { ...DEFAULT_FILTERS, priority: ["HIGH"] },
    });
    expect(read("sort=title&order=up")).toEqual({ ...DEFAULT, sort: "title", order: "asc" });
    expect(read("sort=created_at&order=sideways")).toEqual({ ...DEFAULT, sort: "created_at", order: "desc" });
    // Relevance is the default order (best match when searching): the sort select has no other.
    expect(read("sort=relevance&order=desc")).toEqual(DEFAULT);
    expect(read("order=desc")).toEqual(DEFAULT);
    expect(read("status=COMPLETED&due=Today&sort=Due_At&order=DESC")).toEqual({
      filters: { ...DEFAULT_FILTERS, status: "completed", due: "today" },
      sort: "due_at",
      order: "desc",
    });
    expect(read(`priority=${"HIGH,".repeat(50_000)}&status=${"x".repeat(100_000)}`)).toEqual({
      ...DEFAULT,
      filters: { ...DEFAULT_FILTERS, priority: ["HIGH"] },
    });
  });

  it("tidies tags as the tag field does, and leaves out those no task can have", () => {
    expect(read("tags= #Work ,,work,%23%23Home, ,deep work")?.filters.tags).toEqual(["Work", "Home", "deep work"]);
    // Over 32 characters, or with control characters: the API refuses them (422).
    expect(read(`tags=${"x".repeat(33)},ok,${"y".repeat(32)},a%00b,tab%09`)?.filters.tags).toEqual(["ok", "y".repeat(32), "tab"]);
    const forty = Array.from({ length: 40 }, (_, i) => `t${i}`);
    expect(read(`tags=${forty.join(",")}`)?.filters.tags).toEqual(forty.slice(0, 10));
    expect(read(`tags=${"a,".repeat(200_000)}b`)?.filters.tags).toEqual(["a"]);
  });

  it("replaces only the view's parameters of an address, or says it already shows the view", () => {
    const href = "http://localhost/tasks?search=pay+bill&sort=foo&priority=HIGH";
    expect(addressWithView(href, views[3])).toBe("/tasks?search=pay+bill&priority=HIGH&tags=Work&due=week&sort=due_at");
    expect(addressWithView(href, DEFAULT)).toBe("/tasks?search=pay+bill");
    expect(addressWithView("http://localhost/tasks", DEFAULT)).toBeNull();
    expect(addressWithView("http://localhost/tasks?search=x&priority=HIGH&tags=Work&due=week&sort=due_at", views[3])).toBeNull();
    expect(addressWithView("http://localhost/tasks?priority=HIGH&tags=Work%2Cdeep+work", { ...DEFAULT, filters: { ...DEFAULT_FILTERS, priority: ["HIGH"], tags: ["Work", "deep work"] } })).toBeNull();
    expect(addressWithView("http://localhost/tasks?task=t1", views[1])).toBe("/tasks?task=t1&status=completed");
  });

  it("carries the view of one address to another (a task's entry, the list's)", () => {
    const href = "http://localhost/tasks?search=old&priority=HIGH,LOW&task=t0&due=week";
    expect(withViewOf("?task=t1", href)).toBe("/tasks?task=t1&priority=HIGH,LOW&due=week");
    expect(withViewOf("/tasks", href)).toBe("/tasks?priority=HIGH,LOW&due=week");
    expect(withViewOf("?task=t1", "http://localhost/tasks?search=x")).toBe("/tasks?task=t1");
  });
});
