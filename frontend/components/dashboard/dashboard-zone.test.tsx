// @vitest-environment jsdom
/**
 * The subtitle names the reader's zone as people say it mid-sentence ("in Kolkata time"), not by
 * its IANA name ("Asia/Calcutta", Chromium's name for Kolkata), which stays on hover.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubReducedMotion, stubResizeObserver } from "@/lib/test-stubs";
import { Dashboard } from "./dashboard";

const zone = vi.hoisted(() => ({ current: "UTC" }));
vi.mock("@/lib/zoned-time", async (real) => ({
  ...(await real<typeof import("@/lib/zoned-time")>()),
  browserTimeZone: () => zone.current,
}));

const stats = {
  completed_per_day: [{ date: "2026-11-25", count: 2 }],
  open_by_priority: { VERY_IMPORTANT: 0, HIGH: 0, MEDIUM: 1, LOW: 0 },
  by_tag: {},
  completion_rate: 0.5,
  current_streak: 0,
  overdue: 0,
};

beforeEach(() => {
  vi.stubGlobal("fetch", async (url: string) =>
    url.startsWith("/api/stats?") ? Response.json(stats) : Response.json({ items: [] }),
  );
  stubReducedMotion();
  stubResizeObserver();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function subtitle(): HTMLElement {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <Dashboard />
    </QueryClientProvider>,
  );
  return screen.getByText(/^Your last 30 days/);
}

describe("Dashboard subtitle", () => {
  it.each([
    // Was "in India Standard Time.", "in United Kingdom Time.", "in Eastern Time.": Intl's long
    // name, capitals and all, mid-sentence.
    ["Asia/Calcutta", "Your last 30 days, in Kolkata time."],
    ["Europe/London", "Your last 30 days, in London time."],
    ["America/New_York", "Your last 30 days, in New York time."],
    ["Europe/Berlin", "Your last 30 days, in Berlin time."],
    ["UTC", "Your last 30 days, in UTC."],
  ])("names %s as people know it, its IANA name on hover", (name, said) => {
    zone.current = name;
    const text = subtitle();
    expect(text.textContent).toBe(said);
    expect(text.querySelector(`[title="${name}"]`)).not.toBeNull();
  });
});
