// @vitest-environment jsdom
/**
 * A reminder's toast goes in every tab once it is dealt with in one. User test: snoozed from the
 * bell in one tab, the reminder's toast stayed in the other, Open and all (its bell's count did
 * drop). Two "tabs" here: two Providers with a bell each, sharing a fake BroadcastChannel, a fake
 * server and their own notification streams.
 */
import { act, cleanup, fireEvent, render, waitFor, within, type RenderResult } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeEventSource } from "@/lib/test-stubs";
import { Providers } from "@/app/providers";
import { testTask } from "@/components/tasks/test-task";
import { useSetCompleted } from "@/lib/tasks";
import { NotificationBell } from "./notification-bell";

const push = vi.fn();
vi.mock("next/navigation", () => ({ usePathname: () => "/tasks", useRouter: () => ({ push }) }));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

/** BroadcastChannel as browsers have it: a message reaches the other channels of that name. */
class FakeChannel {
  static open: FakeChannel[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  constructor(readonly name: string) {
    FakeChannel.open.push(this);
  }
  postMessage(data: unknown) {
    for (const other of FakeChannel.open)
      if (other !== this && other.name === this.name)
        queueMicrotask(() => other.onmessage?.(new MessageEvent("message", { data: structuredClone(data) })));
  }
  close() {
    FakeChannel.open = FakeChannel.open.filter((c) => c !== this);
  }
}


const reminders = [
  { id: "n1", task_id: "t1", title: "Pay rent", message: "", created_at: "2026-11-26T09:00:00Z", read: false },
  { id: "n2", task_id: "t2", title: "Call the bank", message: "", created_at: "2026-11-26T10:00:00Z", read: false },
];

function CompleteRent() {
  const { mutate } = useSetCompleted();
  return (
    <button type="button" onClick={() => mutate({ task: testTask({ id: "t1", title: "Pay rent" }), completed: true })}>
      Complete Pay rent
    </button>
  );
}

function renderTab(): RenderResult {
  return render(
    <Providers>
      <NotificationBell />
      <CompleteRent />
    </Providers>,
  );
}

/** The toasts on screen in `tab`, by their title. */
const toasts = (tab: RenderResult) => [...tab.container.querySelectorAll("[data-toast-id]")].map((toast) => toast.querySelector("p")?.textContent);

/** Two tabs, each with both reminders' toasts (each tab's stream delivered them). */
async function twoTabsWithToasts() {
  const tabs = [renderTab(), renderTab()];
  for (const tab of tabs) await within(tab.container).findByRole("button", { name: "Notifications, 2 unread" });
  act(() => {
    for (const stream of FakeEventSource.all) for (const reminder of reminders) stream.deliver(reminder);
  });
  for (const tab of tabs) expect(toasts(tab)).toEqual(["Reminder: Pay rent", "Reminder: Call the bank"]);
  return tabs;
}

/** What is added to `tab`'s toast live regions from now on (what a screen reader would say). */
function watchAnnouncements(tab: RenderResult): Node[] {
  const added: Node[] = [];
  const observer = new MutationObserver((records) => records.forEach((record) => added.push(...record.addedNodes)));
  for (const region of tab.container.querySelectorAll("[aria-live]")) observer.observe(region, { childList: true, subtree: true, characterData: true });
  return added;
}

beforeEach(() => {
  const read = new Set<string>();
  FakeChannel.open = [];
  FakeEventSource.all = [];
  push.mockClear();
  vi.stubGlobal("BroadcastChannel", FakeChannel);
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.stubGlobal("Notification", Object.assign(vi.fn(), { permission: "default", requestPermission: vi.fn() }));
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      const acted = /\/api\/notifications\/(\w+)\/(read|snooze)$/.exec(url);
      if (acted && init?.method === "POST") {
        read.add(acted[1]);
        const until = new Date(Date.now() + 600_000).toISOString();
        return Response.json({ ...reminders.find((n) => n.id === acted[1]), read: true, snoozed_until: until });
      }
      if (url === "/api/notifications?unread=true") return Response.json({ items: reminders.filter((n) => !read.has(n.id)) });
      if (url === "/api/tasks/t1/complete" && init?.method === "POST")
        return Response.json(testTask({ id: "t1", title: "Pay rent", completed: true, completed_at: new Date().toISOString() }));
      return Response.json({ items: [], next_cursor: null });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("a reminder's toast in other tabs", () => {
  it("goes once the reminder is snoozed in one tab, and nothing more is said there", async () => {
    const [here, there] = await twoTabsWithToasts();
    const said = watchAnnouncements(there);
    fireEvent.click(within(here.container).getByRole("button", { name: "Notifications, 2 unread" }));
    fireEvent.click(within(here.container).getByRole("button", { name: "Snooze “Pay rent”" }));
    fireEvent.click(within(within(here.container).getByRole("group", { name: "Snooze “Pay rent” for" })).getAllByRole("button")[0]);
    await waitFor(() => expect(toasts(there)).toEqual(["Reminder: Call the bank"]));
    // Here: the snooze said so ("Snoozed until …"); there: only taken away.
    await waitFor(() => expect(toasts(here)).toEqual(["Reminder: Call the bank", expect.stringMatching(/^Snoozed until/)]));
    await within(there.container).findByRole("button", { name: "Notifications, 1 unread" });
    expect(toasts(there)).toEqual(["Reminder: Call the bank"]);
    expect(said).toEqual([]);
  });

  it("goes once the reminder is opened from its toast, or marked read, in one tab", async () => {
    const [here, there] = await twoTabsWithToasts();
    const rent = [...here.container.querySelectorAll<HTMLElement>("[data-toast-id]")].find((t) => t.textContent?.includes("Pay rent"))!;
    fireEvent.click(within(rent).getByRole("button", { name: "Open" }));
    expect(push).toHaveBeenCalledWith("/tasks?task=t1");
    await waitFor(() => expect(toasts(there)).toEqual(["Reminder: Call the bank"]));

    fireEvent.click(within(here.container).getByRole("button", { name: /^Notifications, \d unread$/ }));
    fireEvent.click(within(here.container).getByRole("button", { name: "Mark “Call the bank” read" }));
    await waitFor(() => expect(toasts(there)).toEqual([]));
  });

  it("all go when every reminder is marked read in one tab", async () => {
    const [here, there] = await twoTabsWithToasts();
    fireEvent.click(within(here.container).getByRole("button", { name: "Notifications, 2 unread" }));
    fireEvent.click(within(here.container).getByRole("button", { name: /Mark all read/ }));
    await waitFor(() => expect(toasts(there)).toEqual([]));
    expect(toasts(here)).toEqual([]);
  });

  it("goes, here and there, once its task is completed", async () => {
    const [here, there] = await twoTabsWithToasts();
    fireEvent.click(within(here.container).getByRole("button", { name: "Complete Pay rent" }));
    await waitFor(() => expect(toasts(here)).toEqual(["Reminder: Call the bank"]));
    await waitFor(() => expect(toasts(there)).toEqual(["Reminder: Call the bank"]));
  });
});
