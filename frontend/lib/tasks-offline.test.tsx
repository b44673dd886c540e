// @vitest-environment jsdom
/** Creating a task while offline: shown at once, sent once when back online, one Idempotency-Key. */
import { QueryClient, QueryClientProvider, onlineManager, type InfiniteData } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { testTask } from "@/components/tasks/test-task";
import { DEFAULT_FILTERS, taskKeys, useCreateTask, type ListParams, type TaskPage } from "./tasks";

const params: ListParams = { ...DEFAULT_FILTERS, search: "", sort: null, order: "asc", tz: "Europe/Paris" };

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(async () => Response.json(testTask({ id: "saved-1", title: "Call mum" }), { status: 201 }));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  onlineManager.setOnline(true);
});

function setup(mutationRetry: number | false = false) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: mutationRetry, retryDelay: 0 } },
  });
  client.setQueryData<InfiniteData<TaskPage, string | null>>(taskKeys.list(params), {
    // Only the fields this test reads (the page shape grows with the API).
    pages: [{ items: [], next_cursor: null } as unknown as TaskPage],
    pageParams: [null],
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
  const { result } = renderHook(() => useCreateTask(), { wrapper });
  const listed = () =>
    client.getQueryData<InfiniteData<TaskPage, string | null>>(taskKeys.list(params))!.pages[0].items;
  return { result, listed };
}

const posts = () => fetchMock.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === "POST");
const keyOf = (call: unknown[]) => (call[1] as RequestInit & { headers: Record<string, string> }).headers["Idempotency-Key"];

describe("useCreateTask offline", () => {
  it("shows the task at once, sends nothing while offline, then sends it once with the key of its row", async () => {
    const { result, listed } = setup();
    act(() => onlineManager.setOnline(false));
    act(() => result.current.mutate({ title: "Call mum" }));

    await vi.waitFor(() => expect(listed().map((t) => t.title)).toEqual(["Call mum"]));
    const rowId = listed()[0].id;
    expect(rowId).toMatch(/^optimistic-./);
    await vi.waitFor(() => expect(result.current.isPaused).toBe(true));
    expect(posts()).toHaveLength(0);

    act(() => onlineManager.setOnline(true));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(posts()).toHaveLength(1);
    expect(`optimistic-${keyOf(posts()[0])}`).toBe(rowId);
  });

  it("sends the same Idempotency-Key when a create is sent again", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    const { result } = setup(1);
    act(() => result.current.mutate({ title: "Call mum" }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(posts()).toHaveLength(2);
    expect(keyOf(posts()[0])).toBeTruthy();
    expect(keyOf(posts()[1])).toBe(keyOf(posts()[0]));
  });
});
