// @vitest-environment jsdom
/**
 * The selection bar and its batch logic (selection-bar.tsx, bulk-actions.ts) are not in the Tasks
 * page's first load: they load on the first tick. Here their modules are held back until the test
 * lets them through: the screen must render, and ticking work, without them.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { stubResizeObserver } from "@/lib/test-stubs";
import { testTask } from "./test-task";

const gate = vi.hoisted(() => {
  let open: () => void = () => {};
  const passed = new Promise<void>((resolve) => (open = resolve));
  const asked: string[] = [];
  return { passed, open, asked };
});

vi.mock("./selection-bar", async (importOriginal) => {
  gate.asked.push("selection-bar");
  await gate.passed;
  return importOriginal();
});
vi.mock("./bulk-actions", async (importOriginal) => {
  gate.asked.push("bulk-actions");
  await gate.passed;
  return importOriginal();
});
vi.mock("next/navigation", () => ({ useSearchParams: () => new URLSearchParams() }));

beforeEach(() => {
  const items = [testTask({ id: "a", title: "Pay rent" }), testTask({ id: "b", title: "Call mom" })];
  vi.stubGlobal("fetch", async () => Response.json({ items, next_cursor: null, corrected_search: null }));
  vi.stubGlobal("CSS", { escape: (value: string) => value });
  vi.stubGlobal("scrollTo", () => {});
  stubResizeObserver();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the selection bar loads on the first tick", () => {
  it("is not imported with the Tasks screen, and shows once it has loaded", async () => {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("tasks-view waits for the bar")), 15_000));
    const { TasksView } = await Promise.race([import("./tasks-view"), timeout]);
    expect(gate.asked).toEqual([]);
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ToastProvider>
          <TasksView />
        </ToastProvider>
      </QueryClientProvider>,
    );
    const box = await screen.findByRole("checkbox", { name: "Select “Pay rent”" });
    expect(gate.asked).toEqual([]);
    fireEvent.click(box);
    // Ticked at once; the bar is on its way.
    expect((box as HTMLInputElement).checked).toBe(true);
    await vi.waitFor(() => expect(gate.asked).toContain("selection-bar"));
    expect(screen.queryByRole("region", { name: "Selected tasks" })).toBeNull();
    await act(async () => gate.open());
    const bar = await screen.findByRole("region", { name: "Selected tasks" });
    expect(bar.textContent).toContain("1 selected");
  });
});
