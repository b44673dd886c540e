// @vitest-environment jsdom
/**
 * The charts' tooltips: "Completed: 3", not Recharts' default "Completed : 3". The charts are drawn
 * for real (a ResizeObserver that reports a size) and hovered.
 */
import { act, cleanup, fireEvent, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubReducedMotion, stubResizeObserver } from "@/lib/test-stubs";
import { CompletedPerDayChart, HorizontalBars } from "./charts";

beforeEach(() => {
  stubReducedMotion();
  // A container 600 px wide: Recharts draws its SVG (jsdom has no layout of its own).
  stubResizeObserver({ width: 600, height: 220 });
  // jsdom lays nothing out: the chart's box is where the pointer is measured from.
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue(new DOMRect(0, 0, 600, 220));
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function hover(container: HTMLElement, x: number, y: number): Promise<string> {
  const wrapper = container.querySelector(".recharts-wrapper")!;
  expect(wrapper).not.toBeNull();
  await act(async () => {
    fireEvent.mouseMove(wrapper, { clientX: x, clientY: y });
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  const item = container.querySelector(".recharts-tooltip-item");
  expect(item).not.toBeNull();
  return item!.textContent ?? "";
}

describe("chart tooltips", () => {
  it("say the completed count as 'Completed: 3'", async () => {
    const points = [
      { date: "2026-11-23", label: "Nov 23", count: 3 },
      { date: "2026-11-24", label: "Nov 24", count: 1 },
    ];
    const { container } = render(<CompletedPerDayChart points={points} />);
    expect(await hover(container, 150, 100)).toBe("Completed: 3");
  });

  it("say an open count as 'Open: 1'", async () => {
    const { container } = render(<HorizontalBars bars={[{ key: "HIGH", label: "High", count: 1 }]} />);
    expect(await hover(container, 300, 60)).toBe("Open: 1");
  });
});
