// @vitest-environment jsdom
/**
 * Complete, then Undo while the completion is still on its way (a slow phone network): the server
 * must see the reopen after the completion, or the task ends up completed although the list showed
 * it back (and it vanishes at the next refresh).
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { testTask } from "@/components/tasks/test-task";
import { useSetCompleted, type Task } from "./tasks";

/** The task as the server holds it, and the order in which requests reached it. */
let server: Task;
let arrived: string[];
/** Requests held on the way (the network), released by the test. */
let held: Array<() => void>;
let holdCompletes: boolean;

beforeEach(() => {
  server = testTask({ id: "t1", title: "Pay rent", version: 1 });
  arrived = [];
  held = [];
  holdCompletes = true;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      const action = url.endsWith("/complete") ? "complete" : url.endsWith("/reopen") ? "reopen" : "other";
      if (action === "complete" && holdCompletes) await new Promise<void>((resolve) => held.push(resolve));
      arrived.push(action);
      if (action === "complete" && !server.completed)
        server = { ...server, completed: true, completed_at: "2030-01-01T10:00:00Z", version: server.version + 1 };
      if (action === "reopen" && server.completed)
        server = { ...server, completed: false, completed_at: null, version: server.version + 1 };
      return Response.json(server);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
  return renderHook(() => useSetCompleted(), { wrapper });
}

describe("useSetCompleted", () => {
  it("sends an Undo only after the completion it undoes has reached the server", async () => {
    const { result } = setup();
    const task = server;
    act(() => result.current.mutate({ task, completed: true }));
    await waitFor(() => expect(held).toHaveLength(1));
    // Undo, while the completion is still held on the network.
    act(() => result.current.mutate({ task: { ...task, completed: true }, completed: false }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(arrived).toEqual([]);

    await act(async () => held.shift()?.());
    await waitFor(() => expect(arrived).toEqual(["complete", "reopen"]));
    await waitFor(() => expect(result.current.isPending).toBe(false));
    expect(server.completed).toBe(false);
  });

  it("still sends the Undo when the completion failed", async () => {
    const { result } = setup();
    const fetchMock = vi.mocked(fetch);
    const original = fetchMock.getMockImplementation();
    holdCompletes = false;
    fetchMock.mockImplementationOnce(async () => Response.json({ error: { code: "unavailable", message: "Try again shortly." } }, { status: 503 }));
    fetchMock.mockImplementation(original!);
    act(() => result.current.mutate({ task: server, completed: true }));
    act(() => result.current.mutate({ task: { ...server, completed: true }, completed: false }));
    await waitFor(() => expect(arrived).toEqual(["reopen"]));
    expect(server.completed).toBe(false);
  });

  it("does not hold back changes to other tasks", async () => {
    const { result } = setup();
    act(() => result.current.mutate({ task: server, completed: true }));
    await waitFor(() => expect(held).toHaveLength(1));
    const other = testTask({ id: "t2", title: "Call mom" });
    act(() => result.current.mutate({ task: other, completed: false }));
    await waitFor(() => expect(arrived).toEqual(["reopen"]));
    await act(async () => held.shift()?.());
    await waitFor(() => expect(arrived).toEqual(["reopen", "complete"]));
  });
});
