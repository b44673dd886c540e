// @vitest-environment jsdom
/**
 * A search answers its best 50 matches only (API.md): the count says so when it got that many,
 * rather than "50 tasks" when ~83 matched (user test).
 */
import { QueryClient } from "@tanstack/react-query";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { testTask } from "./test-task";
import { renderTasksView, stubListGlobals } from "./test-screen";

vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams(window.location.search),
}));

let matches: number;

beforeEach(() => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      const searched = new URL(url, "http://localhost").searchParams.has("search");
      // The server: `matches` tasks, a search answering 50 at most.
      const count = searched ? Math.min(matches, 50) : matches;
      const items = Array.from({ length: count }, (_, i) => testTask({ id: `t${i}`, title: `Report ${i}` }));
      return Response.json({ items, next_cursor: null, corrected_search: null });
    }),
  );
  stubListGlobals();
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

function renderTasks(address: string) {
  window.history.replaceState(null, "", address);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  renderTasksView(client);
}

describe("the count of a search's results", () => {
  it("says the search shows its top 50 only when it got 50", async () => {
    matches = 83;
    renderTasks("/tasks?search=report");
    const count = await screen.findByText(/^Top 50 matches/, undefined, { timeout: 10_000 });
    expect(count.textContent).toBe("Top 50 matches — refine the search to see others");
    expect(count.getAttribute("aria-live")).toBe("polite");
    expect(screen.queryByText("50 tasks")).toBeNull();
  }, 30_000);

  it("counts fewer matches as they are", async () => {
    matches = 49;
    renderTasks("/tasks?search=report");
    await screen.findByText("49 tasks", undefined, { timeout: 10_000 });
    expect(screen.queryByText(/Top 50/)).toBeNull();
  }, 30_000);

  it("counts 50 tasks without a search as 50 tasks", async () => {
    matches = 50;
    renderTasks("/tasks");
    await screen.findByText("50 tasks", undefined, { timeout: 10_000 });
    expect(screen.queryByText(/Top 50/)).toBeNull();
  }, 30_000);
});
