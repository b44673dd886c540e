// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_FILTERS, type TaskFilters } from "@/lib/tasks";
import { FilterMenu } from "./filter-menu";

beforeEach(() => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Response.json({ suggested: ["Shopping", "Health", "Work"], used: [{ tag: "Work", count: 2 }] })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The menu with its filters kept in state, as the tasks page keeps them. */
function Stateful({ initial, seen }: { initial: TaskFilters; seen: TaskFilters[] }) {
  const [filters, setFilters] = useState(initial);
  return (
    <FilterMenu
      filters={filters}
      onChange={(next) => {
        seen.push(next);
        setFilters(next);
      }}
    />
  );
}

function openStateful(initial: TaskFilters) {
  const seen: TaskFilters[] = [];
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Stateful initial={initial} seen={seen} />
    </QueryClientProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: /Filter/ }));
  return seen;
}

const focusedName = () => document.activeElement?.textContent;
const checkedIn = (group: HTMLElement) =>
  [...within(group).queryAllByRole("radio"), ...within(group).queryAllByRole("checkbox")]
    .filter((option) => option.getAttribute("aria-checked") === "true")
    .map((option) => option.textContent);

function openMenu(filters: TaskFilters) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <FilterMenu filters={filters} onChange={() => {}} />
    </QueryClientProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: /Filter/ }));
}

describe("FilterMenu", () => {
  it("offers the tags the user's tasks have, not suggested ones no task has", async () => {
    openMenu(DEFAULT_FILTERS);
    expect(await screen.findByRole("checkbox", { name: "#Work" })).toBeTruthy();
    expect(screen.queryByRole("checkbox", { name: "#Shopping" })).toBeNull();
    expect(screen.queryByRole("checkbox", { name: "#Health" })).toBeNull();
  });

  it("keeps a tag that is filtered on, so it can be unticked", async () => {
    openMenu({ ...DEFAULT_FILTERS, tags: ["Errands"] });
    expect(await screen.findByRole("checkbox", { name: "#Work" })).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: "#Errands" })).toBeTruthy();
  });

  it("lists a tag once whatever its case, in the spelling the user's tasks have (guard)", async () => {
    // Suggested "Work" and "Health", the user's "Work" (the API stores a suggested name in its
    // case), a filter saved as "work": one #Work, ticked; no #work, no #Health.
    openMenu({ ...DEFAULT_FILTERS, tags: ["work"] });
    const work = await screen.findByRole("checkbox", { name: "#Work" });
    expect(work.getAttribute("aria-checked")).toBe("true");
    expect(screen.getAllByRole("checkbox", { name: /^#work$/i })).toEqual([work]);
    expect(screen.queryByRole("checkbox", { name: /#health/i })).toBeNull();
  });

  it("is one Tab stop per group: Status, Priority, Due, Tags", async () => {
    const user = userEvent.setup();
    openStateful({ ...DEFAULT_FILTERS, status: "completed", priority: ["HIGH", "LOW"] });
    await screen.findByRole("checkbox", { name: "#Work" });
    screen.getByRole("button", { name: /Filter/ }).focus();
    const stops: Array<string | null | undefined> = [];
    for (let i = 0; i < 4; i++) {
      await user.tab();
      stops.push(focusedName());
    }
    // The checked status, the first priority (a toolbar), "Any time" (no due filter), the tag.
    expect(stops).toEqual(["Completed", "Urgent", "Any time", "#Work"]);
  });

  it("Status and Due are radio groups: arrows move and choose, wrapping; Home and End", async () => {
    const user = userEvent.setup();
    const seen = openStateful(DEFAULT_FILTERS);
    const status = screen.getByRole("radiogroup", { name: "Status" });
    within(status).getByRole("radio", { name: "Open" }).focus();
    await user.keyboard("{ArrowRight}");
    expect([focusedName(), checkedIn(status)]).toEqual(["Completed", ["Completed"]]);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect([focusedName(), checkedIn(status)]).toEqual(["Open", ["Open"]]);
    await user.keyboard("{ArrowUp}");
    expect([focusedName(), checkedIn(status)]).toEqual(["All", ["All"]]);
    await user.keyboard("{Home}");
    expect([focusedName(), checkedIn(status)]).toEqual(["Open", ["Open"]]);
    expect(seen.map((f) => f.status)).toEqual(["completed", "all", "open", "all", "open"]);

    const due = screen.getByRole("radiogroup", { name: "Due" });
    within(due).getByRole("radio", { name: "Any time" }).focus();
    await user.keyboard("{ArrowLeft}");
    expect(seen.at(-1)?.due).toBe("none");
    expect(checkedIn(due)).toEqual([focusedName()]);
    await user.keyboard("{Home}");
    expect(seen.at(-1)?.due).toBeNull();
    expect([focusedName(), checkedIn(due)]).toEqual(["Any time", ["Any time"]]);
    await user.keyboard("{End}{ArrowRight}");
    expect(seen.at(-1)?.due).toBeNull();
  });

  it("Priority is a toolbar of checkboxes: arrows move without ticking, Space ticks", async () => {
    const user = userEvent.setup();
    const seen = openStateful(DEFAULT_FILTERS);
    const priority = screen.getByRole("toolbar", { name: "Priority" });
    within(priority).getByRole("checkbox", { name: "Urgent" }).focus();
    await user.keyboard("{ArrowRight}");
    expect(focusedName()).toBe("High");
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(focusedName()).toBe("Low");
    await user.keyboard("{Home}");
    expect(focusedName()).toBe("Urgent");
    await user.keyboard("{End}");
    expect(focusedName()).toBe("Low");
    expect(seen).toEqual([]);
    await user.keyboard(" ");
    await user.keyboard("{Home} ");
    expect(seen.at(-1)?.priority).toEqual(["VERY_IMPORTANT", "LOW"]);
    expect(checkedIn(priority)).toEqual(["Urgent", "Low"]);
    // The Tab stop stays where the user left it.
    await user.keyboard("{ArrowRight}");
    expect(within(priority).getAllByRole("checkbox").map((option) => option.tabIndex)).toEqual([-1, 0, -1, -1]);
    expect(seen).toHaveLength(2);
  });
});
