import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { displayLocale, readsDayFirst, TIME_OPTIONS } from "./time";

// The services know the reader's zone, not their locale: the assistant, the activity summaries
// and the reminder messages write dates and times by the zone's country, from two lists
// (services/common/todo_common/datestyle.py). They are this app's rule (displayLocale) for the
// likely locale of each country of the tz database, by Intl's CLDR; when CLDR changes, the
// failure says the lists to paste there.
const DATESTYLE_PY = new URL("../../services/common/todo_common/datestyle.py", import.meta.url);
const COUNTRIES = readFileSync("/usr/share/zoneinfo/iso3166.tab", "utf8")
  .split("\n")
  .filter((line) => /^[A-Z]{2}\t/.test(line))
  .map((line) => line.slice(0, 2));

function pythonList(name: string): string[] {
  const found = new RegExp(`^${name} = frozenset\\(\\n([\\s\\S]*?)\\.split\\(\\)`, "m").exec(readFileSync(DATESTYLE_PY, "utf8"));
  return (found?.[1].match(/\b[A-Z]{2}\b/g) ?? []).sort();
}

/** The locale a reader of `country` most likely has ("DE": "de-DE", "IN": "hi-IN"). */
const likely = (country: string) => `${new Intl.Locale(`und-${country}`).maximize().language}-${country}`;

describe("the services' date and time styles by country (todo_common/datestyle.py)", () => {
  it("reads the tz database's countries", () => {
    expect(COUNTRIES.length).toBeGreaterThan(240);
    expect(COUNTRIES).toContain("GB");
  });

  it("puts the month first where the app does for the country's readers", () => {
    const monthFirst = COUNTRIES.filter((country) => !readsDayFirst(likely(country))).sort();
    expect(monthFirst).toEqual(expect.arrayContaining(["US", "CA", "JP"]));
    expect(pythonList("MONTH_FIRST")).toEqual(monthFirst);
  });

  it("writes 12 hours where the app does for the country's readers", () => {
    const twelve = COUNTRIES.filter((country) =>
      ["h11", "h12"].includes(new Intl.DateTimeFormat(displayLocale(likely(country)), TIME_OPTIONS).resolvedOptions().hourCycle ?? ""),
    ).sort();
    expect(twelve).toEqual(expect.arrayContaining(["US", "IN", "AU"]));
    expect(twelve).not.toContain("GB");
    expect(pythonList("TWELVE_HOURS")).toEqual(twelve);
  });
});
