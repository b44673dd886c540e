// @vitest-environment jsdom
/**
 * A long list (2,000 tasks, h138): a render of the list (each scroll step re-renders it, at once)
 * costs the rows on screen, not the whole list. The virtualiser recomputes every row's position
 * (and its key) when its row-key function changes: that function must stay the same from one
 * render to the next while the tasks do.
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
