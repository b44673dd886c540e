/**
 * The Tasks screen for screen tests: TasksView in the providers the app gives it, and the
 * browser pieces jsdom lacks that the list uses.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { stubResizeObserver } from "@/lib/test-stubs";
import { TasksView } from "./tasks-view";

/** A query client that does not retry: a test's refused request fails at once. */
export const testClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

/** TasksView (and `beside` it, e.g. the "?" dialog) under a query client and the toasts. */
export function renderTasksView(client: QueryClient = testClient(), beside?: ReactNode): RenderResult {
  return render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <TasksView />
        {beside}
      </ToastProvider>
    </QueryClientProvider>,
  );
}

/** CSS.escape (row lookups), scrollTo (the list scrolls a row into view) and ResizeObserver
 * (the virtualised list measures its container); undone by vi.unstubAllGlobals. */
export function stubListGlobals(): void {
  vi.stubGlobal("CSS", { escape: (value: string) => value });
  vi.stubGlobal("scrollTo", () => {});
  stubResizeObserver();
}
