import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, dueState, listQueryString, type ListParams } from "./tasks";

const params: ListParams = { ...DEFAULT_FILTERS, search: "", sort: null, order: "asc", tz: "Europe/Paris" };

describe("listQueryString", () => {
  it("sends only what is set, with the server's default order when no sort is chosen", () => {
    expect(listQueryString(params, null)).toBe("status=open&limit=100");
  });

  it("combines every filter (AND) and sends the zone only for today/week", () => {
    const q = new URLSearchParams(
      listQueryString(
        { ...params, search: " rent ", priority: ["HIGH", "LOW"], tags: ["Work", "Home"], due: "today", sort: "due_at", order: "desc" },
        "abc",
      ),
    );
    expect(Object.fromEntries(q)).toEqual({
      search: "rent",
      status: "open",
      priority: "HIGH,LOW",
      tags: "Work,Home",
      due: "today",
      tz: "Europe/Paris",
      sort: "due_at",
      order: "desc",
      limit: "100",
      cursor: "abc",
    });
    expect(new URLSearchParams(listQueryString({ ...params, due: "overdue" }, null)).has("tz")).toBe(false);
  });
});

describe("dueState", () => {
  const now = new Date(2030, 2, 14, 12, 0);
  it.each([
    [new Date(2030, 2, 14, 11, 0), "overdue"],
    [new Date(2030, 2, 14, 18, 0), "today"],
    [new Date(2030, 2, 17, 9, 0), "soon"],
    [new Date(2030, 3, 30, 9, 0), "later"],
  ])("%s → %s", (due, state) => {
    expect(dueState({ due_at: due.toISOString(), completed: false }, now)).toBe(state);
  });

  it("marks neither a task without a date nor a completed one", () => {
    expect(dueState({ due_at: null, completed: false }, now)).toBeNull();
    expect(dueState({ due_at: new Date(2030, 2, 1).toISOString(), completed: true }, now)).toBe("later");
  });
});
