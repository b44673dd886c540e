import { describe, expect, it } from "vitest";
import {
  completedTotal,
  dailySeries,
  dailySummary,
  dayLabel,
  percent,
  priorityBars,
  statsSchema,
  tagBars,
} from "./stats-data";

// The shape audit-service answers (checked against the running stack).
const answer = {
  completed_per_day: [
    { date: "2026-11-26", count: 0 },
    { date: "2026-11-24", count: 3 },
    { date: "2026-11-25", count: 1 },
  ],
  open_by_priority: { VERY_IMPORTANT: 0, HIGH: 2, MEDIUM: 5 },
  by_tag: { Home: 1, work: 4, Errands: 4, Zero: 0 },
  completion_rate: 0.3333,
  current_streak: 2,
  overdue: 1,
  days: 30,
  tz: "UTC",
};

describe("statsSchema", () => {
  it("reads the service's answer and ignores extra fields", () => {
    const stats = statsSchema.parse(answer);
    expect(stats.current_streak).toBe(2);
    expect("tz" in stats).toBe(false);
  });

  it("refuses an answer without the daily series", () => {
    expect(() => statsSchema.parse({ ...answer, completed_per_day: undefined })).toThrow();
  });
});

describe("dailySeries", () => {
  it("orders the days oldest first with readable labels", () => {
    const points = dailySeries(statsSchema.parse(answer));
    expect(points.map((p) => p.date)).toEqual(["2026-11-24", "2026-11-25", "2026-11-26"]);
    expect(points[0]).toEqual({ date: "2026-11-24", label: "Nov 24", count: 3 });
    expect(completedTotal(statsSchema.parse(answer))).toBe(4);
  });

  it("labels calendar dates without a time-zone shift", () => {
    expect(dayLabel("2026-01-01")).toBe("Jan 1");
    expect(dayLabel("not a date")).toBe("not a date");
  });

  it("summarises for screen readers", () => {
    const points = dailySeries(statsSchema.parse(answer));
    expect(dailySummary(points)).toBe("4 tasks completed in the last 3 days; the most, 3, on Nov 24.");
    expect(dailySummary(points.map((p) => ({ ...p, count: 0 })))).toBe("No tasks completed in the last 3 days.");
  });
});

describe("priorityBars", () => {
  it("lists all four priorities, most important first, missing ones as zero", () => {
    expect(priorityBars(statsSchema.parse(answer)).map((b) => [b.label, b.count])).toEqual([
      ["Urgent", 0],
      ["High", 2],
      ["Medium", 5],
      ["Low", 0],
    ]);
  });
});

describe("tagBars", () => {
  it("sorts by count then name, drops empty tags", () => {
    expect(tagBars(statsSchema.parse(answer)).map((b) => b.label)).toEqual(["#Errands", "#work", "#Home"]);
  });

  it("folds the tail into Other when there are too many tags", () => {
    const by_tag = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`t${i}`, 10 - i]));
    const bars = tagBars({ by_tag }, 4);
    expect(bars.map((b) => b.label)).toEqual(["#t0", "#t1", "#t2", "Other tags"]);
    expect(bars[3].count).toBe(7 + 6 + 5 + 4 + 3 + 2 + 1);
  });
});

describe("percent", () => {
  it("rounds a rate to a whole percentage", () => {
    expect(percent(0.3333)).toBe("33%");
    expect(percent(1)).toBe("100%");
    expect(percent(0)).toBe("0%");
  });
});
