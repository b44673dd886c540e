// @vitest-environment jsdom
/**
 * The bell in a browser whose locale is not en-US (a file of its own: lib/time.ts keeps its
 * formatters, so the browser's locale is set before anything is formatted).
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { formatDue } from "@/lib/tasks";
import { NotificationBell } from "./notification-bell";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));

const RealDateTimeFormat = Intl.DateTimeFormat;
/** The browser's locale is en-IN: a formatter asked for no locale gets it. */
class IndianDateTimeFormat extends RealDateTimeFormat {
  constructor(locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
    super(locale ?? "en-IN", options);
  }
}

let streams: Array<{ deliver: (notification: object) => void }> = [];

beforeAll(() => {
  Intl.DateTimeFormat = IndianDateTimeFormat as typeof Intl.DateTimeFormat;
});
afterAll(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
});

beforeEach(() => {
  // 6:10 AM in the browser's zone (UTC in the tests); timers stay real for the queries.
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-27T06:10:00Z") });
  const unread = [
    { id: "n1", task_id: "t1", title: "Pay rent", message: "", created_at: "2026-11-27T06:00:00Z", read: false, due_at: "2026-11-27T06:24:00Z" },
  ];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith("/snooze")) {
        const { minutes } = JSON.parse(String(init?.body)) as { minutes: number };
        return Response.json({ ...unread[0], read: true, snoozed_until: new Date(Date.now() + minutes * 60_000).toISOString() });
      }
      return Response.json({ items: url === "/api/notifications?unread=true" ? unread : [] });
    }),
  );
  streams = [];
  vi.stubGlobal(
    "EventSource",
    class {
      readyState = 1;
      private listeners: Array<(event: { data: string }) => void> = [];
      constructor() {
        streams.push({ deliver: (n) => this.listeners.forEach((listener) => listener({ data: JSON.stringify(n) })) });
      }
      addEventListener(type: string, listener: (event: { data: string }) => void) {
        if (type === "notification") this.listeners.push(listener);
      }
      close() {}
    },
  );
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function renderBell() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <NotificationBell />
      </ToastProvider>
    </QueryClientProvider>,
  );
}

describe("NotificationBell in the browser's locale", () => {
  it("writes times as the task list does: the list, the snooze choices and the toasts", async () => {
    // The task list's own words for the same time, in the same browser.
    expect(formatDue("2026-11-27T06:24:00Z")).toBe("Today 6:24 am");
    renderBell();
    fireEvent.click(await screen.findByRole("button", { name: "Notifications, 1 unread" }));
    const popover = screen.getByRole("dialog", { name: "Notifications" });
    expect(await within(popover).findByText("Due today at 6:24 am")).toBeTruthy();

    fireEvent.click(within(popover).getByRole("button", { name: "Snooze “Pay rent”" }));
    const choices = within(popover).getByRole("group", { name: "Snooze “Pay rent” for" });
    expect(
      ["10 minutes 6:20 am", "1 hour 7:10 am", "This evening 6:00 pm", "Tomorrow 9:00 am"].map((name) =>
        within(choices).getByRole("button", { name }),
      ),
    ).toEqual(within(choices).getAllByRole("button"));
    fireEvent.click(within(choices).getByRole("button", { name: "1 hour 7:10 am" }));
    expect(await screen.findByText("Snoozed until 7:10 am")).toBeTruthy();

    act(() =>
      streams[0].deliver({
        id: "n2",
        task_id: "t2",
        title: "Call the bank",
        message: "",
        created_at: "2026-11-27T06:10:00Z",
        read: false,
        due_at: "2026-11-27T09:30:00Z",
      }),
    );
    const toast = await screen.findByText("Reminder: Call the bank");
    expect(toast.parentElement?.textContent).toBe("Reminder: Call the bankDue today at 9:30 am");
  });
});
