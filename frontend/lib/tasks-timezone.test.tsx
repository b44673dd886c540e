// @vitest-environment jsdom
/** A create or edit that sets a repeat sends the user's zone (Task `timezone`), so the series keeps its wall-clock time across DST. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { testTask } from "@/components/tasks/test-task";
import { restoreInput, useCreateTask, useUpdateTask, userTimeZone, withTimeZone } from "./tasks";

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(async () => Response.json(testTask({ id: "saved-1", title: "Yoga" }), { status: 201 }));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}

const sent = () => JSON.parse(String((fetchMock.mock.calls.at(-1)![1] as RequestInit).body)) as Record<string, unknown>;

describe("withTimeZone", () => {
  it("adds the user's zone to a body that sets a repeat, and keeps one given", () => {
    expect(withTimeZone({ title: "Yoga", rrule: "FREQ=WEEKLY;BYDAY=MO" })).toEqual({
      title: "Yoga",
      rrule: "FREQ=WEEKLY;BYDAY=MO",
      timezone: userTimeZone(),
    });
    expect(withTimeZone({ rrule: "daily", timezone: "Europe/London" }).timezone).toBe("Europe/London");
  });

  it("leaves a body without a repeat (or clearing it) as it is", () => {
    expect(withTimeZone({ title: "Milk" })).toEqual({ title: "Milk" });
    expect(withTimeZone({ rrule: null })).toEqual({ rrule: null });
  });
});

describe("requests", () => {
  it("a new repeating task is sent with the user's zone; a one-off without one", async () => {
    const { result } = renderHook(() => useCreateTask(), { wrapper });
    act(() => result.current.mutate({ title: "Yoga", due_at: "2027-03-22T09:00:00Z", rrule: "FREQ=WEEKLY;BYDAY=MO" }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(sent()).toMatchObject({ rrule: "FREQ=WEEKLY;BYDAY=MO", timezone: userTimeZone() });
    act(() => result.current.mutate({ title: "Milk" }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(sent()).not.toHaveProperty("timezone");
  });

  it("an edit that sets a repeat sends the zone; one that does not leaves the task's as it is", async () => {
    const { result } = renderHook(() => useUpdateTask(), { wrapper });
    const task = testTask({ id: "t1", title: "Yoga" });
    act(() => result.current.mutate({ task, patch: { rrule: "daily" } }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(sent()).toEqual({ rrule: "daily", timezone: userTimeZone() });
    act(() => result.current.mutate({ task, patch: { title: "Stretch" } }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(sent()).toEqual({ title: "Stretch" });
  });

  it("a deleted series comes back in its own zone", () => {
    const task = testTask({ id: "t1", title: "Yoga", rrule: "FREQ=WEEKLY", timezone: "Australia/Sydney" });
    expect(restoreInput(task).timezone).toBe("Australia/Sydney");
  });
});
