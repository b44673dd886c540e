// @vitest-environment jsdom
/** The quick-add chips' keep buttons as tap targets: 44 px on a touch screen, 20 px with a mouse. */
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { parseQuickAdd } from "@/lib/quick-add";
import { classesIn, minSize, ruleInMedia, tailwindCss, TOUCH_MEDIA } from "@/lib/test-css";
import { QuickAddPreview } from "./quick-add";

afterEach(cleanup);

const now = new Date("2030-03-14T09:30:00Z");
const text = "Pay rent every month on the 1st #Finance !high tomorrow 9am";

describe("QuickAddPreview keep buttons", () => {
  it("are at least 44×44 px on a touch screen and stay 20 px with a mouse", async () => {
    render(<QuickAddPreview result={parseQuickAdd(text, { now, timeZone: "UTC" })} now={now} onKeep={() => {}} />);
    const list = screen.getByRole("list", { name: "Parsed from your text" });
    const buttons = within(list).getAllByRole("button", { name: /^Keep / });
    expect(buttons.length).toBeGreaterThan(0);
    const css = await tailwindCss(classesIn(list));
    for (const button of buttons) {
      const name = button.getAttribute("aria-label");
      expect([name, minSize(button, css, "height", true)]).toEqual([name, 44]);
      expect([name, minSize(button, css, "width", true)]).toEqual([name, 44]);
      // The desktop layout is as before: a 20 px button in a 28 px chip.
      expect([name, minSize(button, css, "height", false)]).toEqual([name, 20]);
      expect([name, minSize(button, css, "width", false)]).toEqual([name, 20]);
      expect(button.closest("li")?.classList).toContain("h-7");
    }
  });

  it("puts the rows of chips far enough apart on a touch screen that the 44 px targets do not overlap", async () => {
    render(<QuickAddPreview result={parseQuickAdd(text, { now, timeZone: "UTC" })} now={now} onKeep={() => {}} />);
    const list = screen.getByRole("list", { name: "Parsed from your text" });
    const css = await tailwindCss(classesIn(list));
    const rowGap = [...list.classList]
      .filter((name) => name.startsWith("touch:"))
      .map((name) => /row-gap: calc\(var\(--spacing\) \* ([\d.]+)\)/.exec(ruleInMedia(css, TOUCH_MEDIA, name) ?? ""))
      .find(Boolean);
    // A chip is 28 px high: 28 + the gap between rows >= 44.
    expect(28 + Number(rowGap?.[1] ?? 0) * 4).toBeGreaterThanOrEqual(44);
    // With a mouse the rows stay 6 px apart.
    expect(list.classList).toContain("gap-1.5");
  });
});
