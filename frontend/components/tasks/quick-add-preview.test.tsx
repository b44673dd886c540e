// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseQuickAdd } from "@/lib/quick-add";
import { QuickAddPreview } from "./quick-add";

afterEach(cleanup);

const now = new Date("2030-03-14T09:30:00Z");
const parse = (text: string) => parseQuickAdd(text, { now, timeZone: "UTC" });

describe("QuickAddPreview", () => {
  it("shows the parse of the issue's example as chips before saving", () => {
    render(<QuickAddPreview result={parse("Pay rent every month on the 1st #Finance !high tomorrow 9am")} now={now} />);
    expect(screen.getByText("Pay rent").tagName).toBe("STRONG");
    const chips = within(screen.getByRole("list", { name: "Parsed from your text" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(chips).toHaveLength(4);
    // "tomorrow" (Mar 15) starts a series pinned to the 1st: its first day is Apr 1.
    expect(chips[0]).toMatch(/^Due Apr 1 9:00/);
    expect(chips.slice(1)).toEqual(["Priority High", "Repeats Every month on the 1st", "Tag Finance"]);
  });

  it.each([
    ["Pay bills every last day of the month", "Repeats Every month on the last day"],
    ["Pay rent on the 1st every month", "Repeats Every month on the 1st"],
  ])("names the day of a monthly rule said around it: %s", (text, chip) => {
    render(<QuickAddPreview result={parse(text)} now={now} />);
    expect(screen.getByText(text.split(/ (?:every|on)/)[0]).tagName).toBe("STRONG");
    const chips = within(screen.getByRole("list", { name: "Parsed from your text" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(chips).toContain(chip);
  });

  it("gives each chip read from words of the line a button that keeps those words in the title", () => {
    const onKeep = vi.fn();
    const text = "Pay rent every month on the 1st #Finance !high tomorrow 9am remind me 1h before";
    const { rerender } = render(<QuickAddPreview result={parse(text)} now={now} onKeep={onKeep} />);
    const buttons = screen.getAllByRole("button").map((button) => button.getAttribute("aria-label"));
    expect(buttons).toEqual([
      "Keep “tomorrow 9am” in the title",
      "Keep “!high” in the title",
      "Keep “every month on the 1st” in the title",
      "Keep “remind me 1h before” in the title",
      "Keep “#Finance” in the title",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Keep “#Finance” in the title" }));
    expect(onKeep).toHaveBeenCalledWith(["#Finance"]);

    // The due date a rule set (no date in the line) was not read from words: no button.
    rerender(<QuickAddPreview result={parse("Gym every monday")} now={now} onKeep={onKeep} />);
    expect(screen.getAllByRole("button").map((button) => button.getAttribute("aria-label"))).toEqual([
      "Keep “every monday” in the title",
    ]);
  });

  it("shows a misspelled day word and asap as the chips of what they were read as", () => {
    render(<QuickAddPreview result={parse("Fix login bug asap tomorow")} now={now} onKeep={() => {}} />);
    expect(screen.getByText("Fix login bug").tagName).toBe("STRONG");
    const chips = within(screen.getByRole("list", { name: "Parsed from your text" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    // As "Fix login bug !high tomorrow" shows; the keep buttons name the words as typed.
    expect(chips).toEqual(["Due Tomorrow 9:00 AM", "Priority High"]);
    expect(screen.getAllByRole("button").map((button) => button.getAttribute("aria-label"))).toEqual([
      "Keep “tomorow” in the title",
      "Keep “asap” in the title",
    ]);
  });

  it("says where a series said with its end stops, and its keep button keeps the repeat's words", () => {
    // Before, "until dec 20" was the due date and the chip said "Every day"; the keep button of
    // the repeat chip now names the rule's words, not the end said after them.
    const onKeep = vi.fn();
    render(<QuickAddPreview result={parse("Take vitamins every morning until dec 20")} now={now} onKeep={onKeep} />);
    const chips = within(screen.getByRole("list", { name: "Parsed from your text" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(chips.find((chip) => chip?.startsWith("Repeats"))).toMatch(/^Repeats Every day until Dec 2[01]$/);
    fireEvent.click(screen.getByRole("button", { name: "Keep “every morning” in the title" }));
    expect(onKeep).toHaveBeenCalledWith(["every morning"]);
  });

  it("names the days it chose for 'twice a week' and 'twice a month' on the repeat chip", () => {
    // "Gym twice a week" was the title 'Gym twice a week' and no repeat: the chip shows the days
    // the rule was given, so that the user sees what was chosen (and can keep the words instead).
    const chips = () =>
      within(screen.getByRole("list", { name: "Parsed from your text" }))
        .getAllByRole("listitem")
        .map((li) => li.textContent);
    const { rerender } = render(<QuickAddPreview result={parse("Gym twice a week")} now={now} onKeep={() => {}} />);
    expect(screen.getByText("Gym").tagName).toBe("STRONG");
    expect(chips()).toContain("Repeats Every Mon and Thu");
    expect(screen.getByRole("button", { name: "Keep “twice a week” in the title" })).toBeDefined();
    rerender(<QuickAddPreview result={parse("Gym three times a week")} now={now} onKeep={() => {}} />);
    expect(chips()).toContain("Repeats Every Mon, Wed and Fri");
    rerender(<QuickAddPreview result={parse("Pay bills twice a month")} now={now} onKeep={() => {}} />);
    expect(chips()).toContain("Repeats Every month on the 1st and 15th");
  });

  it("keeps a possessive day word in the title and shows a well-known spelling as its day", () => {
    // "Plan today's notes" was "Plan 's notes" with a Due Today chip.
    render(<QuickAddPreview result={parse("Plan today's notes 2moro")} now={now} onKeep={() => {}} />);
    expect(screen.getByText("Plan today's notes").tagName).toBe("STRONG");
    const chips = within(screen.getByRole("list", { name: "Parsed from your text" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(chips).toEqual(["Due Tomorrow 9:00 AM"]);
    expect(screen.getAllByRole("button").map((button) => button.getAttribute("aria-label"))).toEqual(["Keep “2moro” in the title"]);
  });

  // What a user found (27 Nov 2026), seen in the chips; now is Thursday 14 March 2030.
  it.each([
    // Was "Yoga starting" with these chips.
    ["Yoga every monday starting monday", "Yoga", ["Due Mon 9:00 AM", "Repeats Every Mon"], ["starting monday", "every monday"]],
    // Was the whole line, no chips.
    ["Call the plumber urgent", "Call the plumber", ["Priority Urgent"], ["urgent"]],
    // Was "Pay rent on the" due Mar 31.
    ["Pay rent on the last day of the month", "Pay rent", ["Due Mar 31 9:00 AM"], ["on the last day of the month"]],
    // Was due Mar 31 (the month read as the first due day), no end.
    ["Pay bills every last day of the month until march", "Pay bills", ["Due Mar 31 9:00 AM", "Repeats Every month on the last day until Mar 31"], ["every last day of the month"]],
    // Was "Pack lunches every weeknight" due today 8:00 PM, no repeat.
    ["Pack lunches every weeknight 8pm", "Pack lunches", ["Due Today 8:00 PM", "Repeats Every weekday"], ["8pm", "every weeknight"]],
  ])("shows %s as its chips", (text, title, chips, kept) => {
    render(<QuickAddPreview result={parse(text)} now={now} onKeep={() => {}} />);
    expect(screen.getByText(title).tagName).toBe("STRONG");
    const shown = within(screen.getByRole("list", { name: "Parsed from your text" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(shown).toEqual(chips);
    expect(screen.getAllByRole("button").map((button) => button.getAttribute("aria-label"))).toEqual(kept.map((words) => `Keep “${words}” in the title`));
  });

  it("gives a due date said apart one button that keeps all its words (day and time)", () => {
    // Was "Keep “at 5pm”" only: the day stayed read, and a second Keep was needed.
    const onKeep = vi.fn();
    render(<QuickAddPreview result={parse("call mom friday about taxes at 5pm")} now={now} onKeep={onKeep} />);
    expect(screen.getByText("call mom about taxes").tagName).toBe("STRONG");
    const chips = within(screen.getByRole("list", { name: "Parsed from your text" })).getAllByRole("listitem");
    expect(chips.map((li) => li.textContent)).toEqual(["Due Tomorrow 5:00 PM"]);
    expect(screen.getAllByRole("button").map((button) => button.getAttribute("aria-label"))).toEqual(["Keep “friday … at 5pm” in the title"]);
    fireEvent.click(screen.getByRole("button", { name: "Keep “friday … at 5pm” in the title" }));
    expect(onKeep).toHaveBeenCalledWith(["friday", "at 5pm"]);
  });

  it("shows no repeat for a day of the month no month has: the words stay in the title", () => {
    // Was "Pay rent on the 45th" with "Due Tomorrow" and "Repeats Every month".
    render(<QuickAddPreview result={parse("Pay rent every month on the 45th")} now={now} />);
    expect(screen.getByText("Pay rent every month on the 45th").tagName).toBe("STRONG");
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("shows the reminder relative to the due date", () => {
    render(<QuickAddPreview result={parse("Flight tomorrow 9am remind me 30m before")} now={now} />);
    expect(screen.getByText("30 min before")).toBeTruthy();
  });

  it("says when a reminder offset has no due date to count from", () => {
    render(<QuickAddPreview result={parse("Stretch remind me 1h before")} now={now} />);
    expect(screen.getByText("1 h before (add a due date)")).toBeTruthy();
  });

  it("asks for a title when the line is only syntax, and shows no chips for plain text", () => {
    const { rerender } = render(<QuickAddPreview result={parse("#Work !low")} now={now} />);
    expect(screen.getByText("Add a title as well")).toBeTruthy();
    rerender(<QuickAddPreview result={parse("Just a plain task")} now={now} />);
    expect(screen.queryByRole("list")).toBeNull();
    expect(screen.getByText("Just a plain task")).toBeTruthy();
  });
});
