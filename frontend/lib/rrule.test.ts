import { describe, expect, it } from "vitest";
import { describeRRule, ordinal } from "./rrule";

describe("describeRRule", () => {
  it.each([
    ["FREQ=DAILY", "Every day"],
    ["daily", "Every day"],
    ["weekdays", "Every weekday"],
    ["FREQ=WEEKLY;BYDAY=MO,WE,FR", "Every Mon, Wed and Fri"],
    // "twice a week", "twice a month": the days the quick-add and the assistant chose.
    ["FREQ=WEEKLY;BYDAY=MO,TH", "Every Mon and Thu"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR", "Every other week on Tue and Fri"],
    ["FREQ=MONTHLY;BYMONTHDAY=1,15", "Every month on the 1st and 15th"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "Every month on the last day"],
    ["FREQ=MONTHLY;BYMONTHDAY=15,-1", "Every month on the 15th and the last day"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "Every other week on Tue"],
    ["FREQ=MONTHLY;BYMONTHDAY=1", "Every month on the 1st"],
    ["FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=22", "Every 3 months on the 22nd"],
    ["FREQ=DAILY;COUNT=5", "Every day, 5 times"],
  ])("%s → %s", (rule, text) => {
    expect(describeRRule(rule)).toBe(text);
  });

  // User test: FREQ=MONTHLY;BYDAY=-1FR showed "Every month" in the row and as the Repeat
  // dropdown's label, while the drawer said "the last Friday of every month". A rule is never
  // named by less than it says: what the short name cannot say is marked "(custom)".
  it.each([
    ["FREQ=MONTHLY;BYDAY=-1FR", "Every month on the last Fri"],
    ["FREQ=MONTHLY;BYDAY=1MO,3MO", "Every month on the 1st and 3rd Mon"],
    ["FREQ=MONTHLY;BYDAY=+1MO,-1FR", "Every month on the 1st Mon and last Fri"],
    ["FREQ=MONTHLY;BYDAY=-2FR", "Every month on the 2nd last Fri"],
    ["FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU", "Every other month on the 2nd Tue"],
    ["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "Every month on the last weekday"],
    ["FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1", "Every month on the 1st Sat or Sun"],
    ["FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15", "Every year on Mar 15"],
    ["FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", "Every year on the last Mon of May"],
    ["FREQ=YEARLY;BYMONTH=6", "Every year in Jun"],
    // Before: "Every month on the 1st Mon" for a quarterly rule (its months left out, not even "(custom)").
    ["FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1MO", "Every month on the 1st Mon in Jan, Apr, Jul and Oct"],
    ["FREQ=MONTHLY;BYMONTH=3,9;BYMONTHDAY=15", "Every month on the 15th in Mar and Sep"],
    ["FREQ=MONTHLY;BYMONTH=6;BYMONTHDAY=1", "Every month on the 1st in Jun"],
    ["FREQ=MONTHLY;BYMONTH=1,7", "Every month in Jan and Jul"],
    ["FREQ=YEARLY;BYYEARDAY=100", "Every year (custom)"],
    ["FREQ=WEEKLY;BYDAY=1MO", "Every week (custom)"],
    ["FREQ=MONTHLY;BYMONTHDAY=-2", "Every month (custom)"],
  ])("names the days of the month too: %s → %s", (rule, text) => {
    expect(describeRRule(rule)).toBe(text);
  });

  // User test (h146): FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1MO read "Every month on the 1st Mon"
  // in the row and the activity, its months left out (the drawer named them).
  it.each([
    ["FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1MO", "Every month on the 1st Mon in Jan, Apr, Jul and Oct"],
    ["FREQ=MONTHLY;BYMONTH=1,7;BYMONTHDAY=15", "Every month on the 15th in Jan and Jul"],
    ["FREQ=MONTHLY;INTERVAL=2;BYMONTH=1,4,7,10;BYDAY=-1FR", "Every other month on the last Fri in Jan, Apr, Jul and Oct"],
    ["FREQ=MONTHLY;BYMONTH=3", "Every month in Mar"],
    // A month no year has is not left out unsaid either.
    ["FREQ=MONTHLY;BYMONTH=13;BYDAY=1MO", "Every month on the 1st Mon (custom)"],
  ])("names the months of a monthly rule: %s → %s", (rule, text) => {
    expect(describeRRule(rule)).toBe(text);
  });

  it.each([
    // Guards (read so before too).
    ["FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1MO", "Every year on the 1st Mon of Jan, Apr, Jul and Oct"],
    ["FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO", "Every 3 months on the 1st Mon"],
  ])("names %s as before", (rule, text) => {
    expect(describeRRule(rule)).toBe(text);
  });

  it.each([
    ["FREQ=DAILY;BYHOUR=9;BYMINUTE=0", "Every day"],
    ["FREQ=WEEKLY;WKST=MO;BYDAY=TU", "Every Tue"],
  ])("leaves the time and week start to the due date: %s → %s", (rule, text) => {
    expect(describeRRule(rule)).toBe(text);
  });

  describe("says the day a series ends, in the user's zone", () => {
    // Friday 27 November 2026. The quick-add and the assistant write "until Dec 20" as the end of
    // that day in the user's zone, in UTC. Before, the UTC date was said as "until 2026-12-20"
    // (and "until 2026-12-21" in New York, a day late).
    const now = new Date("2026-11-27T13:25:00Z");
    const paris = "Europe/Paris";
    const newYork = "America/New_York";
    it.each([
      ["FREQ=DAILY;UNTIL=20261220T225959Z", paris, "Every day until Dec 20"],
      ["FREQ=DAILY;UNTIL=20261221T045959Z", newYork, "Every day until Dec 20"],
      ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261204T225959Z", paris, "Every weekday until Dec 4"],
      ["FREQ=DAILY;INTERVAL=2;UNTIL=20270115T225959Z", paris, "Every other day until Jan 15, 2027"],
      ["FREQ=YEARLY;UNTIL=20301231T000000Z", paris, "Every year until Dec 31, 2030"],
      ["FREQ=WEEKLY;UNTIL=20261220", newYork, "Every week until Dec 20"],
      ["FREQ=WEEKLY;UNTIL=20261220T235959", newYork, "Every week until Dec 20"],
    ])("%s in %s → %s", (rule, timeZone, text) => {
      expect(describeRRule(rule, { timeZone, now })).toBe(text);
    });

    it("keeps an UNTIL it cannot read as it is", () => {
      expect(describeRRule("FREQ=DAILY;UNTIL=soon", { timeZone: paris, now })).toBe("Every day until SOON");
    });
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
