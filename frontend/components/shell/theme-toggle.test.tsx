// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { THEME_STORAGE_KEY } from "@/lib/theme";
import { ThemeToggle } from "./theme-toggle";

beforeEach(() => {
  vi.stubGlobal("matchMedia", () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const checked = () =>
  within(screen.getByRole("radiogroup", { name: "Colour theme" }))
    .getAllByRole("radio")
    .filter((radio) => radio.getAttribute("aria-checked") === "true")
    .map((radio) => radio.getAttribute("aria-label"));
const focused = () => document.activeElement?.getAttribute("aria-label");

describe("ThemeToggle: a radio group", () => {
  it("is one Tab stop, on the checked theme", async () => {
    localStorage.setItem(THEME_STORAGE_KEY, "dark");
    const user = userEvent.setup();
    render(
      <>
        <button type="button">before</button>
        <ThemeToggle />
        <button type="button">after</button>
      </>,
    );
    await screen.findByRole("radio", { name: "Dark theme", checked: true });
    screen.getByRole("button", { name: "before" }).focus();
    await user.tab();
    expect(focused()).toBe("Dark theme");
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "after" }));
    await user.tab({ shift: true });
    expect(focused()).toBe("Dark theme");
  });

  it("moves and chooses with the arrow keys (wrapping), Home and End", async () => {
    const user = userEvent.setup();
    render(<ThemeToggle />);
    screen.getByRole("radio", { name: "System theme" }).focus();
    const steps: Array<[string, string]> = [
      ["{ArrowRight}", "Light theme"],
      ["{ArrowDown}", "Dark theme"],
      ["{ArrowRight}", "System theme"],
      ["{ArrowLeft}", "Dark theme"],
      ["{ArrowUp}", "Light theme"],
      ["{End}", "Dark theme"],
      ["{Home}", "System theme"],
    ];
    for (const [key, theme] of steps) {
      await user.keyboard(key);
      expect([key, focused(), checked()]).toEqual([key, theme, [theme]]);
    }
    await user.keyboard("{ArrowRight}");
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe("light");
    expect(document.documentElement.classList.contains("dark")).toBe(false);
    await user.keyboard("{ArrowRight}");
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe("dark");
    expect(document.documentElement.classList.contains("dark")).toBe(true);
    // Only the checked option is in the Tab order.
    expect(screen.getAllByRole("radio").map((radio) => radio.tabIndex)).toEqual([-1, -1, 0]);
  });
});
