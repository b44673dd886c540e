import { describe, expect, it } from "vitest";
import { localizeRuleTimes, TIME_OPTIONS } from "./time";

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
