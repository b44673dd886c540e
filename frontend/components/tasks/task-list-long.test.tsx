// @vitest-environment jsdom
/**
 * A long list (2,000 tasks, h138): a render of the list (each scroll step re-renders it, at once)
 * costs the rows on screen, not the whole list. The virtualiser recomputes every row's position
 * (and its key) when its row-key function changes: that function must stay the same from one
 * render to the next while the tasks do.
 *
 * Scrolling (h141): the rows that come into view render in a transition, not at once inside the
 * scroll event (flushSync), which made one long task of each scroll step; and a row mounts at the
 * height it will measure (the estimate is per task), so measuring it moves no row.
 */
import { act, cleanup, render, screen } from "@testing-library/react";
import type { ComponentProps } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubResizeObserver } from "@/lib/test-stubs";
import type { Task } from "@/lib/tasks";
import { loadVirtualizer } from "./use-window-virtualizer";
import { TaskList } from "./task-list";
import { testTask } from "./test-task";

const keys = vi.hoisted(() => ({ calls: 0 }));
const flushes = vi.hoisted(() => ({ calls: 0 }));
vi.mock("react-dom", async (importOriginal) => {
  const original = await importOriginal<typeof import("react-dom")>();
  return {
    ...original,
    flushSync: ((fn: () => unknown) => {
      flushes.calls += 1;
      return original.flushSync(fn);
    }) as typeof original.flushSync,
  };
});
vi.mock("@/lib/tasks", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/tasks")>();
  return {
    ...original,
    rowKey: (id: string) => {
      keys.calls += 1;
      return original.rowKey(id);
    },
  };
});

beforeEach(() => {
  vi.stubGlobal("CSS", { escape: (value: string) => value });
  stubResizeObserver();
  // jsdom lays nothing out: every row measures as a row does in the browser (76 px).
  vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(76);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const many = (n: number, from = 0): Task[] =>
  Array.from({ length: n }, (_, i) => testTask({ id: `t${from + i}`, title: `Task ${from + i}` }));

function props(tasks: Task[], search = ""): ComponentProps<typeof TaskList> {
  return {
    stale: false,
    tasks,
    search,
    recent: new Set(),
    leaves: () => false,
    hasMore: false,
    loadingMore: false,
    onLoadMore: () => {},
    onOpen: () => {},
    onToggle: () => {},
  };
}

describe("TaskList with 2,000 tasks", () => {
  it("renders only the rows in view, and a re-render with the same tasks does not go over all 2,000", async () => {
    await loadVirtualizer();
    const tasks = many(2000);
    const { rerender } = render(<TaskList {...props(tasks)} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    const rows = screen.getAllByRole("listitem").length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(60);

    keys.calls = 0;
    rerender(<TaskList {...props(tasks, "task")} />);
    rerender(<TaskList {...props(tasks, "tas")} />);
    // Before: every render asked the key of all 2,000 rows (4,000 here).
    expect(keys.calls).toBeLessThan(200);

    // A page more (100 tasks): once over the list is fine (the positions after it change).
    keys.calls = 0;
    rerender(<TaskList {...props([...tasks, ...many(100, 2000)], "tas")} />);
    expect(keys.calls).toBeLessThan(2100 + 200);
    expect(screen.getAllByRole("listitem").length).toBe(rows);
  });
});

/** Scrolls the window to `y` as the browser does: the offset, then a scroll event. */
async function scrollTo(y: number) {
  Object.defineProperty(window, "scrollY", { value: y, configurable: true, writable: true });
  await act(async () => {
    window.dispatchEvent(new Event("scroll"));
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
}

const indexes = () => screen.getAllByRole("listitem").map((row) => Number(row.dataset.index));

describe("Scrolling through 2,000 tasks", () => {
  it("renders the rows that come into view without flushSync in the scroll event", async () => {
    await loadVirtualizer();
    // Rows with no details: 66 px.
    vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(66);
    render(<TaskList {...props(many(2000))} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    flushes.calls = 0;
    for (const y of [20_000, 60_000, 120_000]) {
      await scrollTo(y);
      // The rows at that offset are there (66 px a row, 76 before it is measured).
      expect(Math.min(...indexes())).toBeGreaterThan(y / 90);
      expect(Math.max(...indexes())).toBeLessThan(y / 60);
    }
    // Before: one flushSync for each scroll event that brought new rows (3).
    expect(flushes.calls).toBe(0);
  });

  it("mounts each row at the height it measures, so measuring moves no row", async () => {
    await loadVirtualizer();
    // What Chromium lays out 1,280 px wide (h141, Marco's 2,000 tasks): 86 px with a line of
    // details (due, repeat, reminder, tags), 66 px without; the estimate was 76 for all.
    vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockImplementation(function (this: HTMLElement) {
      return this.querySelector("[data-row-button]")?.nextElementSibling?.childElementCount ? 86 : 66;
    });
    const tasks = many(2000).map((task, i) =>
      i % 3 === 0 ? task : { ...task, ...(i % 3 === 1 ? { tags: ["Work"] } : { due_at: "2030-01-02T09:00:00Z" }) },
    );
    const moved = new Set<string>();
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        const row = record.target as HTMLElement;
        if (record.attributeName === "style" && record.oldValue && row.getAttribute("style") !== record.oldValue) {
          moved.add(row.dataset.index!);
        }
      }
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["style"], attributeOldValue: true });
    render(<TaskList {...props(tasks)} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    for (const y of [5_000, 40_000, 100_000]) await scrollTo(y);
    observer.disconnect();
    expect(indexes().length).toBeGreaterThan(0);
    // Before: every row below the first measured one moved (the estimate was 10 px short or long).
    expect([...moved]).toEqual([]);
    // Where each row is: the heights of the rows above it.
    const row = screen.getAllByRole("listitem")[0];
    const above = tasks.slice(0, Number(row.dataset.index)).reduce((sum, _, i) => sum + (i % 3 === 0 ? 66 : 86), 0);
    expect(row.style.transform).toBe(`translateY(${above}px)`);
  });
});
