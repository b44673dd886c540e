// @vitest-environment jsdom
/**
 * A task added (or changed) in one tab shows in the others. User test: tab 2 added a task; tab 1,
 * brought to the front, still did not show it after 5 s (its list was fresh: staleTime 15 s).
 * Tabs tell each other on BroadcastChannel("tasks") (a fake one here, shared by "tabs" made in
 * this test).
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Providers } from "./providers";

vi.mock("next/navigation", () => ({ usePathname: () => "/tasks" }));

/** BroadcastChannel as browsers have it: a message reaches the other channels of that name. */
class FakeChannel {
  static open: FakeChannel[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  sent: unknown[] = [];
  constructor(readonly name: string) {
    FakeChannel.open.push(this);
  }
  postMessage(data: unknown) {
    this.sent.push(data);
    for (const other of FakeChannel.open)
      if (other !== this && other.name === this.name) queueMicrotask(() => other.onmessage?.(new MessageEvent("message", { data })));
  }
  close() {
    FakeChannel.open = FakeChannel.open.filter((c) => c !== this);
  }
}

let fetches: number;
let bellFetches: number;
let fail: boolean;

function TaskCount() {
  const list = useQuery({ queryKey: ["tasks", "list"], queryFn: async () => ++fetches, staleTime: 15_000 });
  const bell = useQuery({ queryKey: ["notifications"], queryFn: async () => ++bellFetches, staleTime: 15_000 });
  const add = useMutation({
    mutationFn: async () => {
      if (fail) throw new Error("refused");
      return "made";
    },
  });
  return (
    <>
      <p>Fetched {list.data ?? 0} times</p>
      <p>Bell fetched {bell.data ?? 0} times</p>
      <button type="button" onClick={() => add.mutate()}>
        Add
      </button>
    </>
  );
}

beforeEach(() => {
  fetches = 0;
  bellFetches = 0;
  fail = false;
  FakeChannel.open = [];
  vi.stubGlobal("BroadcastChannel", FakeChannel);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderTab() {
  render(
    <Providers>
      <TaskCount />
    </Providers>,
  );
}

describe("tabs tell each other about changed tasks", () => {
  it("fetches the tasks again when another tab says they changed", async () => {
    renderTab();
    await screen.findByText("Fetched 1 times");
    const otherTab = new FakeChannel("tasks");
    await act(async () => otherTab.postMessage("changed"));
    await screen.findByText("Fetched 2 times");
  });

  it("fetches the bell's notifications again too: a reminder read or snoozed in another tab", async () => {
    renderTab();
    await screen.findByText("Bell fetched 1 times");
    const otherTab = new FakeChannel("tasks");
    await act(async () => otherTab.postMessage("changed"));
    await screen.findByText("Bell fetched 2 times");
  });

  it("says so to the other tabs once a change made here has settled, done or refused", async () => {
    renderTab();
    await screen.findByText("Fetched 1 times");
    const otherTab = new FakeChannel("tasks");
    const heard = vi.fn();
    otherTab.onmessage = heard;
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Add" })));
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    fail = true;
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Add" })));
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(2));
    // Its own message does not make this tab fetch again.
    expect(screen.getByText("Fetched 1 times")).toBeTruthy();
  });

  it("leaves the channel when the page goes, and works without BroadcastChannel", async () => {
    renderTab();
    await screen.findByText("Fetched 1 times");
    expect(FakeChannel.open).toHaveLength(1);
    cleanup();
    expect(FakeChannel.open).toHaveLength(0);
    vi.stubGlobal("BroadcastChannel", undefined);
    fetches = 0;
    renderTab();
    await screen.findByText("Fetched 1 times");
  });
});
