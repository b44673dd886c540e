// @vitest-environment jsdom
/**
 * The dashboard's charts for keyboard and screen-reader users: each chart is a figure named in
 * words (its numbers included), and nothing inside a chart takes a Tab stop. The charts are drawn
 * for real here (a ResizeObserver that reports a size), so their SVG is in the DOM.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubReducedMotion, stubResizeObserver } from "@/lib/test-stubs";
import { Dashboard } from "./dashboard";

const stats = {
  completed_per_day: [
    { date: "2026-11-23", count: 1 },
    { date: "2026-11-24", count: 4 },
    { date: "2026-11-25", count: 0 },
    { date: "2026-11-26", count: 2 },
  ],
  open_by_priority: { VERY_IMPORTANT: 1, HIGH: 0, MEDIUM: 4, LOW: 2 },
  by_tag: { Home: 2, Work: 3 },
  completion_rate: 0.5,
  current_streak: 1,
  overdue: 0,
};

beforeEach(() => {
  vi.stubGlobal("fetch", async (url: string) =>
    url.startsWith("/api/stats?") ? Response.json(stats) : Response.json({ items: [] }),
  );
  stubReducedMotion();
  // A container 600 px wide: Recharts draws its SVG (jsdom has no layout of its own).
  stubResizeObserver({ width: 600, height: 220 });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function renderCharts(): Promise<HTMLElement[]> {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <Dashboard />
    </QueryClientProvider>,
  );
  await screen.findByRole("table", { name: "Open tasks by tag" });
  const figures = screen.getAllByRole("figure");
  expect(figures).toHaveLength(3);
  // Not vacuous: every chart is drawn.
  for (const figure of figures) expect(figure.querySelector("svg.recharts-surface")).not.toBeNull();
  return figures;
}

const FOCUSABLE = "a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]";

/** Elements in the Tab order: natively focusable or tabindex >= 0, not disabled, tabindex not negative. */
function tabStops(root: Element): Element[] {
  return [...root.querySelectorAll(FOCUSABLE)].filter((el) => {
    const attr = el.getAttribute("tabindex");
    if (attr !== null) return Number(attr) >= 0;
    return !(el as HTMLButtonElement).disabled;
  });
}

/** The element's own accessible name, roughly: aria-label, aria-labelledby, title, or text. */
function hasName(el: Element): boolean {
  const labelledBy = el.getAttribute("aria-labelledby");
  const name =
    el.getAttribute("aria-label") ??
    (labelledBy && document.getElementById(labelledBy)?.textContent) ??
    el.querySelector(":scope > title")?.textContent ??
    el.getAttribute("title") ??
    "";
  return name.trim() !== "" && el.closest("[aria-hidden='true']") === null;
}

describe("Dashboard charts", () => {
  it("leave no unnamed Tab stop: the chart graphics take no focus", async () => {
    const figures = await renderCharts();
    for (const figure of figures) {
      const unnamed = tabStops(figure).filter((el) => !hasName(el));
      expect(unnamed.map((el) => el.outerHTML.slice(0, 120))).toEqual([]);
      // The SVG is drawn for the eye only: not focusable, no role of its own.
      const svg = figure.querySelector("svg.recharts-surface")!;
      expect(svg.getAttribute("tabindex")).toBeNull();
      expect(svg.getAttribute("role")).toBeNull();
      expect(svg.closest("[aria-hidden='true']")).not.toBeNull();
      // Chromium stops Tab at a Recharts layer <g> without a tabindex (a keyboard user test met
      // four unnamed stops per chart); each one says -1.
      const groups = [...svg.querySelectorAll("g")];
      expect(groups.length).toBeGreaterThan(3);
      expect(groups.filter((g) => g.getAttribute("tabindex") !== "-1").map((g) => g.getAttribute("class"))).toEqual([]);
    }
  });

  it("name each chart in words, with its numbers", async () => {
    const figures = await renderCharts();
    // A figure's name is its caption (HTML-AAM; jsdom's name computation does not do figures).
    expect(figures.map((figure) => within(figure).getByText(/./, { selector: "figcaption" }).textContent)).toEqual([
      "7 tasks completed in the last 4 days; the most, 4, on Nov 24.",
      "Open tasks by priority: Urgent 1, High 0, Medium 4, Low 2",
      "Open tasks by tag: #Work 3, #Home 2",
    ]);
  });
});
