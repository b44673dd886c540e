// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
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
});
