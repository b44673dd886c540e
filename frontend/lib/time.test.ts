import { describe, expect, it } from "vitest";
import { formatDue } from "./tasks";
import { formatShortDay, formatTime, localizeRuleTimes, TIME_OPTIONS } from "./time";

describe("localizeRuleTimes", () => {
  it("writes the rule's 24-hour times as the rest of the app does", () => {
    expect(localizeRuleTimes("every Friday at 01:28", "en-US")).toBe("every Friday at 1:28 AM");
    expect(localizeRuleTimes("every weekday at 09:00 and 17:30", "en-US")).toBe("every weekday at 9:00 AM and 5:30 PM");
    expect(localizeRuleTimes("on the 31st of every month at 00:05 UTC", "en-US")).toBe("on the 31st of every month at 12:05 AM UTC");
    expect(localizeRuleTimes("every day at 09:00:30", "en-US")).toBe("every day at 9:00:30 AM");
  });

  it("follows the locale: a 24-hour locale keeps its own style", () => {
    expect(localizeRuleTimes("every Friday at 17:45", "en-GB")).toBe("every Friday at 17:45");
    expect(localizeRuleTimes("every Friday at 13:05", "de-DE")).toBe("every Friday at 13:05");
  });

  it("matches formatDue's time of day for the same wall-clock time", () => {
    const app = new Intl.DateTimeFormat(undefined, { ...TIME_OPTIONS, timeZone: "UTC" }).format(Date.UTC(2026, 10, 27, 1, 28));
    expect(localizeRuleTimes("every Friday at 01:28")).toBe(`every Friday at ${app}`);
  });

  it("leaves what is not a time of day alone", () => {
    expect(localizeRuleTimes("every hour at :15 and :45", "en-US")).toBe("every hour at :15 and :45");
    expect(localizeRuleTimes("every year on November 27, 10 times, until November 27, 2030", "en-US")).toBe(
      "every year on November 27, 10 times, until November 27, 2030",
    );
  });
});

describe("formatTime, formatShortDay", () => {
  const at = Date.UTC(2026, 10, 27, 0, 54); // 6:24 in the morning in Kolkata

  it("write a time in the reader's locale and zone", () => {
    expect(formatTime(at, "Asia/Kolkata", "en-IN")).toBe("6:24 am");
    expect(formatTime(at, "Asia/Kolkata", "en-US")).toBe("6:24 AM");
    expect(formatTime(at, "Europe/Paris", "en-GB")).toBe("1:54");
    expect(formatShortDay(at, "Asia/Kolkata", "en-US")).toBe("Fri, Nov 27");
    expect(formatShortDay(at, "America/Los_Angeles", "en-GB")).toBe("Thu 26 Nov");
  });

  it("are the task list's: formatDue says the same time", () => {
    expect(formatDue(new Date(at).toISOString(), new Date(at))).toBe(`Today ${formatTime(at)}`);
  });
});
