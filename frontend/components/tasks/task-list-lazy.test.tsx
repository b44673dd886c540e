// @vitest-environment jsdom
/**
 * The virtualiser (TanStack Virtual) is not in the Tasks page's first-load JS: it loads on its own
 * (use-window-virtualizer.ts). Here its module is held back until the test lets it through: the
 * list must render and work without it, and keep its rows (and the focus in them) when it comes.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubResizeObserver } from "@/lib/test-stubs";
import type { Task } from "@/lib/tasks";
import { testTask } from "./test-task";

const gate = vi.hoisted(() => {
  let open: () => void = () => {};
  const passed = new Promise<void>((resolve) => (open = resolve));
  return { passed, open };
});

vi.mock("@tanstack/react-virtual", async (importOriginal) => {
  await gate.passed;
  return importOriginal();
});

beforeEach(() => {
  vi.stubGlobal("CSS", { escape: (value: string) => value });
  stubResizeObserver();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const tasks: Task[] = ["Alpha", "Bravo", "Charlie"].map((title) => testTask({ id: title.toLowerCase(), title }));
const rowButton = (title: string) => screen.getByRole("button", { name: `${title}. Open details` });
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 100)));

/** TaskList, imported within a time limit: the page must not wait for the virtualiser to load. */
async function importTaskList() {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("task-list waits for the virtualiser")), 15_000));
  return (await Promise.race([import("./task-list"), timeout])).TaskList;
}

describe("TaskList before and after the virtualiser loads", () => {
  it("shows and works without it, then keeps the rows and the focus when it arrives", { timeout: 30_000 }, async () => {
    const TaskList = await importTaskList();
    const onLoadMore = vi.fn();
    render(
      <TaskList
        stale={false}
        tasks={tasks}
        search=""
        recent={new Set()}
        leaves={() => false}
        hasMore
        loadingMore={false}
        onLoadMore={onLoadMore}
        onOpen={() => {}}
        onToggle={() => {}}
      />,
    );
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
    // Which rows are in view is not known yet: no further page is asked for.
    expect(onLoadMore).not.toHaveBeenCalled();

    // The keys work already: j enters the list, j moves on.
    fireEvent.keyDown(document.body, { key: "j" });
    await waitFor(() => expect(document.activeElement).toBe(rowButton("Alpha")));
    fireEvent.keyDown(document.activeElement!, { key: "j" });
    await waitFor(() => expect(document.activeElement).toBe(rowButton("Bravo")));
    const bravo = rowButton("Bravo");
    expect(document.activeElement).toBe(bravo);
    expect(bravo.closest("[role=listitem]")!.getAttribute("style")).toBeNull();

    gate.open();
    // Positioned by the virtualiser now, the same row element, still focused.
    await waitFor(() => expect(bravo.closest("[role=listitem]")!.getAttribute("style")).toMatch(/translateY/));
    await settle();
    expect(bravo.isConnected).toBe(true);
    expect(document.activeElement).toBe(bravo);
    expect(bravo.closest("[role=listitem]")!.getAttribute("style")).toMatch(/translateY/);
    expect(onLoadMore).toHaveBeenCalled();
    fireEvent.keyDown(bravo, { key: "j" });
    await waitFor(() => expect(document.activeElement).toBe(rowButton("Charlie")));
  });
});
