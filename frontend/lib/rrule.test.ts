import { describe, expect, it } from "vitest";
import { describeRRule, ordinal } from "./rrule";

describe("describeRRule", () => {
  it.each([
    ["FREQ=DAILY", "Every day"],
    ["daily", "Every day"],
    ["weekdays", "Every weekday"],
    ["FREQ=WEEKLY;BYDAY=MO,WE,FR", "Every Mon, Wed, Fri"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "Every other week on Tue"],
    ["FREQ=MONTHLY;BYMONTHDAY=1", "Every month on the 1st"],
    ["FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=22", "Every 3 months on the 22nd"],
    ["FREQ=DAILY;COUNT=5", "Every day, 5 times"],
    ["FREQ=YEARLY;UNTIL=20301231T000000Z", "Every year until 2030-12-31"],
  ])("%s → %s", (rule, text) => {
    expect(describeRRule(rule)).toBe(text);
  });

  it("falls back to the rule it cannot describe", () => {
    expect(describeRRule("FREQ=SECONDLY")).toBe("FREQ=SECONDLY");
  });

  it("writes ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal).join(" ")).toBe(
      "1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 31st",
    );
  });
});
