// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubReducedMotion, stubResizeObserver } from "@/lib/test-stubs";
import { formatDue } from "@/lib/tasks";
import { Dashboard } from "./dashboard";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

const stats = {
  completed_per_day: [
    { date: "2026-11-25", count: 2 },
    { date: "2026-11-26", count: 1 },
  ],
  open_by_priority: { VERY_IMPORTANT: 1, HIGH: 0, MEDIUM: 4, LOW: 0 },
  by_tag: { Home: 2 },
  completion_rate: 0.4286,
  current_streak: 2,
  overdue: 1,
};
// As audit-service answers: each entry's summary (English, times in UTC) and its details.
const details = { title: "Pay rent", due_at: null, changes: [], next_instance: false, series_ended: false, withdrawn: false };
const activity = {
  items: [
    {
      event_id: "e3",
      type: "task.updated",
      task_id: "t1",
      occurred_at: "2026-11-26T10:00:00Z",
      summary: "Priority changed from Medium to Very important for 'Pay rent'",
      details: { ...details, changes: [{ field: "priority", old: "MEDIUM", new: "VERY_IMPORTANT" }] },
    },
    {
      event_id: "e2",
      type: "task.completed",
      task_id: "t1",
      occurred_at: "2026-11-26T09:00:00Z",
      summary: "Completed 'Pay rent'",
      details,
    },
    {
      event_id: "e1",
      type: "task.deleted",
      task_id: "t9",
      occurred_at: "2026-11-26T08:00:00Z",
      summary: "Deleted 'Old'",
      details: { ...details, title: "Old" },
    },
    {
      event_id: "e0",
      type: "task.updated",
      task_id: "t1",
      occurred_at: "2026-11-26T07:00:00Z",
      summary: "Due date set to Nov 28, 2026, 8:00 AM UTC for 'Pay rent'",
      details: {
        ...details,
        due_at: "2026-11-28T08:00:00Z",
        changes: [{ field: "due_at", old: null, new: "2026-11-28T08:00:00Z" }],
      },
    },
    // An entry without details (its stored event no longer reads): its summary as it is.
    {
      event_id: "e-old",
      type: "task.updated",
      task_id: "t7",
      occurred_at: "2026-11-25T07:00:00Z",
      summary: "Due date set to Dec 1, 2026, 9:00 AM UTC for 'Taxes'",
      details: null,
    },
  ],
};

let statsStatus = 200;
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  statsStatus = 200;
  fetchMock = vi.fn(async (url: string) => {
    if (url.startsWith("/api/stats?")) {
      return statsStatus === 200
        ? Response.json(stats)
        : Response.json({ error: { code: "unavailable", message: "down" } }, { status: statsStatus });
    }
    if (url.startsWith("/api/activity?")) return Response.json(activity);
    return Response.json({}, { status: 404 });
  });
  vi.stubGlobal("fetch", fetchMock);
  stubReducedMotion();
  stubResizeObserver();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderDashboard() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Dashboard />
    </QueryClientProvider>,
  );
}

describe("Dashboard", () => {
  it("has a heading a navigation may focus (RouteFocus), with no focus ring: it is no Tab stop", async () => {
    renderDashboard();
    const heading = await screen.findByRole("heading", { level: 1, name: "Dashboard" });
    expect(heading.tabIndex).toBe(-1);
    expect(heading.classList.contains("outline-none")).toBe(true);
  });

  it("shows the figures, asks for the browser's zone, and links the feed to tasks", async () => {
    renderDashboard();
    expect((await screen.findByText("3", { selector: "[data-metric='Completed']" })).textContent).toBe("3");
    expect(document.querySelector("[data-metric='Completion rate']")?.textContent).toBe("43%");
    expect(document.querySelector("[data-metric='Current streak']")?.textContent).toBe("2 days");
    expect(document.querySelector("[data-metric='Overdue']")?.textContent).toBe("1");

    const statsUrl = fetchMock.mock.calls.map(([url]) => String(url)).find((url) => url.startsWith("/api/stats?"));
    expect(new URLSearchParams(statsUrl!.split("?")[1]).get("tz")).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(new URLSearchParams(statsUrl!.split("?")[1]).get("days")).toBe("30");
    // The feed's summaries come in UTC, as stored; the feed writes their times in the browser's zone.
    const feedUrl = fetchMock.mock.calls.map(([url]) => String(url)).find((url) => url.startsWith("/api/activity?"));
    expect(new URLSearchParams(feedUrl!.split("?")[1]).get("tz")).toBeNull();

    const feed = await screen.findByRole("list", { name: "Recent activity" });
    expect(within(feed).getByRole("link", { name: "Completed 'Pay rent'" }).getAttribute("href")).toBe("/tasks?task=t1");
    // A long unbroken task title wraps rather than widening the page.
    expect(within(feed).getByRole("link", { name: "Completed 'Pay rent'" }).closest(".wrap-anywhere")).not.toBeNull();
    // A deleted task has nowhere to go.
    expect(within(feed).queryByRole("link", { name: "Deleted 'Old'" })).toBeNull();

    // The charts' numbers are there in words too.
    const priority = screen.getByRole("table", { name: "Open tasks by priority" });
    expect(within(priority).getByRole("row", { name: /Medium/ }).textContent).toContain("4");
  });

  it("writes each entry from its details, its times as the task list does, the full time on hover", async () => {
    renderDashboard();
    const feed = await screen.findByRole("list", { name: "Recent activity" });
    const link = await within(feed).findByRole("link", { name: /^Due date set to .* for 'Pay rent'$/ });
    const time = link.querySelector("time")!;
    expect(time.getAttribute("dateTime")).toBe("2026-11-28T08:00:00.000Z");
    expect(time.textContent).toBe(formatDue("2026-11-28T08:00:00.000Z"));
    expect(link.textContent).toBe(`Due date set to ${formatDue("2026-11-28T08:00:00.000Z")} for 'Pay rent'`);
    expect(link.textContent).not.toMatch(/UTC|2026,/);
    // The whole timestamp, zone included, is there on hover.
    expect(time.getAttribute("title")).toMatch(/2026.*\d:00/);
    expect(time.getAttribute("title")).toMatch(/UTC|GMT|[A-Z]{3}/);
    // The task list's names, not the summary's words.
    expect(within(feed).getByRole("link", { name: "Priority changed from Medium to Urgent for 'Pay rent'" })).toBeTruthy();
  });

  it("shows an entry without details as its summary says it", async () => {
    renderDashboard();
    const feed = await screen.findByRole("list", { name: "Recent activity" });
    const link = await within(feed).findByRole("link", { name: "Due date set to Dec 1, 2026, 9:00 AM UTC for 'Taxes'" });
    expect(link.getAttribute("href")).toBe("/tasks?task=t7");
    expect(link.querySelector("time")).toBeNull();
  });

  it("offers a retry when statistics are unavailable", async () => {
    statsStatus = 503;
    renderDashboard();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Statistics are unavailable right now.");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});
