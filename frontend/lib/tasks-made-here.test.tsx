// @vitest-environment jsdom
/**
 * What is kept about each task added here (its optimistic row's id, the server's id, the wait for
 * its create) is let go: the wait once the create is answered, the ids once no task list is
 * cached (signed out: the query client is cleared). They were kept for the page's life.
 */
import { QueryClient, QueryClientProvider, type InfiniteData } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { testTask } from "@/components/tasks/test-task";
import {
  DEFAULT_FILTERS,
  createdId,
  madeHereSizes,
  rowKey,
  savedTask,
  taskKeys,
  useCreateTask,
  type ListParams,
  type Task,
  type TaskPage,
} from "./tasks";

const params: ListParams = { ...DEFAULT_FILTERS, search: "", sort: null, order: "asc", tz: "Europe/Paris" };

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(async () => Response.json(testTask({ id: "saved-1", title: "Call mum" }), { status: 201 }));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData<InfiniteData<TaskPage, string | null>>(taskKeys.list(params), {
    pages: [{ items: [], next_cursor: null } as unknown as TaskPage],
    pageParams: [null],
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
  const { result } = renderHook(() => useCreateTask(), { wrapper });
  const listed = () => client.getQueryData<InfiniteData<TaskPage, string | null>>(taskKeys.list(params))!.pages[0].items;
  return { client, result, listed };
}

describe("what is kept about a task added here", () => {
  it("lets go of the wait once the create is answered, and of the ids once signed out", async () => {
    // The create is answered when the test says (else it may be before the row is seen).
    let answer!: () => void;
    const answered = new Promise<void>((done) => (answer = done));
    fetchMock.mockImplementation(async () => {
      await answered;
      return Response.json(testTask({ id: "saved-1", title: "Call mum" }), { status: 201 });
    });
    const { client, result, listed } = setup();
    act(() => result.current.mutate({ title: "Call mum" }));
    await vi.waitFor(() => expect(listed()).toHaveLength(1));
    const optimistic = listed()[0] as Task;
    expect(madeHereSizes().saves).toBe(1);
    answer();

    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    // The row keeps its key and the optimistic id still leads to the task made...
    expect(createdId(optimistic.id)).toBe("saved-1");
    expect(rowKey("saved-1")).toBe(optimistic.id);
    await expect(savedTask(optimistic)).resolves.toMatchObject({ id: "saved-1" });
    // ...but the wait for it is over.
    expect(madeHereSizes()).toEqual({ created: 1, shown: 1, saves: 0 });

    // Sign-out clears the query client (app-header.tsx): no row is left to key.
    act(() => client.clear());
    expect(madeHereSizes()).toEqual({ created: 0, shown: 0, saves: 0 });
    expect(createdId(optimistic.id)).toBeUndefined();
    expect(rowKey("saved-1")).toBe("saved-1");
  });

  it("keeps the ids while a task list is still cached", async () => {
    const { client, result } = setup();
    client.setQueryData(taskKeys.detail("other"), testTask({ id: "other" }));
    act(() => result.current.mutate({ title: "Call mum" }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    act(() => client.removeQueries({ queryKey: taskKeys.detail("other") }));
    expect(madeHereSizes()).toMatchObject({ created: 1, shown: 1 });
    act(() => client.clear());
    expect(madeHereSizes()).toEqual({ created: 0, shown: 0, saves: 0 });
  });

  it("lets go of the wait for a create that was refused", async () => {
    let refuse!: () => void;
    const answered = new Promise<void>((done) => (refuse = done));
    fetchMock.mockImplementation(async () => {
      await answered;
      return Response.json({ error: { code: "validation_error", message: "Bad" } }, { status: 422 });
    });
    const { result, listed } = setup();
    act(() => result.current.mutate({ title: "Call mum" }));
    await vi.waitFor(() => expect(listed()).toHaveLength(1));
    const optimistic = listed()[0] as Task;
    expect(madeHereSizes().saves).toBe(1);
    refuse();
    await vi.waitFor(() => expect(result.current.isError).toBe(true));
    expect(madeHereSizes().saves).toBe(0);
    await expect(savedTask(optimistic)).rejects.toThrow();
  });
});
