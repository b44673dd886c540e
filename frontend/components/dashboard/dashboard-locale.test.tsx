// @vitest-environment jsdom
/**
 * The dashboard for a reader whose browser's locale is de-DE (a file of its own: the locale
 * Intl gives when asked for none is set before anything is imported, as a browser's is).
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubReducedMotion, stubResizeObserver } from "@/lib/test-stubs";
import { Dashboard } from "./dashboard";

const RealDateTimeFormat = vi.hoisted(() => {
  const Real = Intl.DateTimeFormat;
  class GermanDateTimeFormat extends Real {
    constructor(locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
      super(locale ?? "de-DE", options);
    }
  }
  Intl.DateTimeFormat = GermanDateTimeFormat as typeof Intl.DateTimeFormat;
  return Real;
});
afterAll(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
});

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

const stats = {
  completed_per_day: [{ date: "2026-11-25", count: 2 }],
  open_by_priority: { VERY_IMPORTANT: 0, HIGH: 0, MEDIUM: 1, LOW: 0 },
  by_tag: {},
  completion_rate: 0.5,
  current_streak: 0,
  overdue: 0,
};
const details = { title: "Pay rent", due_at: "2026-11-25T14:30:00Z", next_instance: false, series_ended: false, withdrawn: false };
const activity = {
  items: [
    {
      event_id: "e1",
      type: "task.updated",
      task_id: "t1",
      occurred_at: "2026-11-20T07:00:00Z",
      summary: "Due date set to Nov 25, 2026, 2:30 PM UTC for 'Pay rent'",
      details: { ...details, changes: [{ field: "due_at", old: null, new: "2026-11-25T14:30:00Z" }] },
    },
  ],
};

beforeEach(() => {
  // Thursday 10 December 2026 in the browser's zone (UTC in the tests); timers stay real.
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-10T12:00:00Z") });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => Response.json(url.startsWith("/api/stats?") ? stats : activity)),
  );
  stubReducedMotion();
  stubResizeObserver();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("Dashboard for a reader in Germany", () => {
  it("writes a day the same way on the chart's axis and in the activity log, in English", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <Dashboard />
      </QueryClientProvider>,
    );
    const feed = await screen.findByRole("list", { name: "Recent activity" });
    const entry = await within(feed).findByRole("link", { name: /^Due date set to .* for 'Pay rent'$/ });
    // The chart's days, in words for screen readers: the axis's labels.
    const axis = screen.getByRole("table", { name: "Tasks completed per day" });
    const day = within(axis).getByRole("rowheader").textContent;

    expect(day).toBe("25 Nov");
    expect(entry.querySelector("time")?.textContent).toBe(`${day} 14:30`);
    // When it happened, and all of it on hover: English words, 24 hours.
    const when = within(feed).getAllByRole("listitem")[0].querySelector(":scope > time");
    expect(when?.textContent).toBe("20 Nov");
    expect(when?.getAttribute("title")).toBe("Fri, 20 Nov 2026, 07:00 UTC");
  });
});
