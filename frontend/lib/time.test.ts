import { describe, expect, it } from "vitest";
import { formatDue } from "./tasks";
import { displayLocale, formatShortDay, formatTime, localizeRuleTimes, TIME_OPTIONS, zoneName } from "./time";

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

describe("dates and times for a reader in any region, in the UI's English", () => {
  const at = Date.UTC(2026, 10, 24, 14, 30); // Tuesday, half past two in the afternoon (UTC)

  // The browser's locale → the reader's day and time: English words, the region's day-month
  // order and hour cycle.
  it.each([
    ["en-US", "Tue, Nov 24", "2:30 PM"],
    ["en", "Tue, Nov 24", "2:30 PM"],
    ["en-GB", "Tue 24 Nov", "14:30"],
    ["en-AU", "Tue, 24 Nov", "2:30 pm"],
    ["en-IN", "Tue, 24 Nov", "2:30 pm"],
    ["de-DE", "Tue, 24 Nov", "14:30"],
    ["de", "Tue, 24 Nov", "14:30"],
    ["fr-FR", "Tue, 24 Nov", "14:30"],
    ["ja-JP", "Tue, Nov 24", "14:30"],
    // No English of the region in Intl: the reader's order and hour cycle all the same.
    ["pt-BR", "Tue 24 Nov", "14:30"],
    ["es-MX", "Tue 24 Nov", "2:30 pm"],
    ["ko-KR", "Tue, Nov 24", "2:30 PM"],
    // The region's English, with the hour cycle of the reader's own language.
    ["fr-CA", "Tue, Nov 24", "14:30"],
    ["en-US-u-hc-h23", "Tue, Nov 24", "14:30"],
  ])("a %s reader sees %s, %s", (locale, day, time) => {
    expect(formatShortDay(at, "UTC", locale)).toBe(day);
    expect(formatTime(at, "UTC", locale)).toBe(time);
  });

  it("writes the rule's times by the same rule", () => {
    expect(localizeRuleTimes("every Friday at 13:05", "de-DE")).toBe("every Friday at 13:05");
    expect(localizeRuleTimes("every Friday at 13:05", "pt-BR")).toBe("every Friday at 13:05");
    expect(localizeRuleTimes("every Friday at 13:05", "ko-KR")).toBe("every Friday at 1:05 PM");
  });

  it("is an English locale for the reader's region, with the reader's hour cycle where it differs", () => {
    expect(displayLocale("en-US")).toBe("en-US");
    expect(displayLocale("en-IN")).toBe("en-IN");
    expect(displayLocale("de-DE")).toBe("en-DE");
    expect(displayLocale("fr-FR")).toBe("en-FR");
    expect(displayLocale("pt-BR")).toBe("en-GB");
    expect(displayLocale("es-MX")).toBe("en-GB-u-hc-h12");
    expect(displayLocale("ko-KR")).toBe("en-US");
    expect(displayLocale("fr-CA")).toBe("en-CA-u-hc-h23");
    expect(displayLocale("not a locale")).toBe("en-US");
    expect(displayLocale(undefined)).toBe(displayLocale(new Intl.DateTimeFormat().resolvedOptions().locale));
  });
});

describe("zoneName", () => {
  // Said after "in" mid-sentence ("Your last 30 days, in London time."); it was Intl's long
  // generic name with its capitals ("in United Kingdom Time", "in India Standard Time").
  it("says a zone by its city, as people say it mid-sentence, the same in summer and winter", () => {
    const winter = Date.UTC(2026, 0, 15);
    const summer = Date.UTC(2026, 6, 15);
    expect(zoneName("Europe/London", winter)).toBe("London time");
    expect(zoneName("Europe/London", summer)).toBe("London time");
    expect(zoneName("America/New_York", summer)).toBe("New York time");
    expect(zoneName("Europe/Berlin", summer)).toBe("Berlin time");
    expect(zoneName("America/Argentina/Buenos_Aires", winter)).toBe("Buenos Aires time");
    // Chromium's (and ICU's) name for Kolkata is the old one; the city is said as it is today.
    expect(zoneName("Asia/Calcutta", winter)).toBe("Kolkata time");
    expect(zoneName("Asia/Kolkata", winter)).toBe("Kolkata time");
    expect(zoneName("Europe/Kiev", winter)).toBe("Kyiv time");
  });

  it("says a zone named for a region by Intl's name, 'time' in lower case", () => {
    expect(zoneName("US/Eastern", Date.UTC(2026, 6, 15))).toBe("Eastern time");
  });

  it("says UTC as UTC, a zone without a name as its offset, an unknown one as it is", () => {
    expect(zoneName("UTC")).toBe("UTC");
    expect(zoneName("Etc/UTC")).toBe("UTC");
    expect(zoneName("Etc/GMT+5")).toBe("GMT-05:00");
    expect(zoneName("Mars/Olympus_Mons")).toBe("Mars/Olympus Mons");
    expect(zoneName("Europe/Atlantis")).toBe("Europe/Atlantis");
  });
});
