/**
 * A reader whose browser's locale is de-DE, in the app's English (a file of its own: the locale
 * Intl gives when asked for none is set before anything is imported, as a browser's is).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { dayLabel } from "@/components/dashboard/stats-data";
import { reminderText, snoozedText } from "@/components/notifications/notifications";
import { untilDay } from "./rrule";
import { formatDue } from "./tasks";
import { formatDate, formatShortDay, formatTime } from "./time";

const RealDateTimeFormat = vi.hoisted(() => {
  const Real = Intl.DateTimeFormat;
  /** The browser's locale is de-DE: a formatter asked for no locale gets it. */
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

// Friday 13 November 2026, 8:00 in the browser's zone (UTC in the tests).
const now = new Date("2026-11-13T08:00:00Z");
beforeEach(() => vi.useFakeTimers({ toFake: ["Date"], now }));
afterEach(() => vi.useRealTimers());

const notification = (due_at: string) => ({ id: "n1", task_id: "t1", title: "Pay rent", message: "", created_at: "", read: false, remind_at: null, due_at });

describe("a reader in Germany, in the app's English", () => {
  it("sees English day and month names and 24-hour times in the task list", () => {
    expect(formatDue("2026-11-13T14:30:00Z", now)).toBe("Today 14:30");
    expect(formatDue("2026-11-14T09:00:00Z", now)).toBe("Tomorrow 9:00");
    expect(formatDue("2026-11-17T09:00:00Z", now)).toBe("Tue 9:00");
    expect(formatDue("2026-11-27T11:00:00Z", now)).toBe("27 Nov 11:00");
    expect(formatDue("2027-01-01T09:00:00Z", now)).toBe("1 Jan 2027 9:00");
  });

  it("sees the same in the bell, its toasts, the dashboard's axis and a repeat's end", () => {
    expect(reminderText(notification("2026-11-13T14:30:00Z"), now, "UTC")).toBe("Due today at 14:30");
    expect(reminderText(notification("2026-11-17T09:00:00Z"), now, "UTC")).toBe("Due Tue, 17 Nov at 9:00");
    expect(snoozedText("2026-11-14T18:00:00Z", now, "UTC")).toBe("Snoozed until tomorrow at 18:00");
    expect(dayLabel("2026-11-29")).toBe("29 Nov");
    expect(untilDay("20261220", { timeZone: "UTC", now })).toBe("20 Dec");
    expect(untilDay("20271220", { timeZone: "UTC", now })).toBe("20 Dec 2027");
  });

  it("is written by lib/time's formatters, which know the browser's locale", () => {
    expect(formatShortDay(now)).toBe("Fri, 13 Nov");
    expect(formatTime(now)).toBe("8:00");
    expect(formatDate("dateTime", now)).toBe("Fri, 13 Nov 2026, 8:00");
  });
});
