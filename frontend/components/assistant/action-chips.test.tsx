// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ActionChips } from "./action-chips";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

afterEach(cleanup);

describe("ActionChips", () => {
  it("wraps a long unbroken task title inside the chip instead of widening the panel", () => {
    const title = `Check https://example.com/${"averyveryverylongpathsegment".repeat(5)}`;
    render(<ActionChips actions={[{ tool: "add_task", arguments: { title }, ok: true }]} />);
    const label = screen.getByText(new RegExp(title.slice(0, 40).replace(/[.?]/g, "\\$&")));
    // jsdom has no layout: the label carries the wrapping rule (overflow-wrap: anywhere), not truncation.
    expect(label.classList).toContain("wrap-anywhere");
    expect(label.classList).not.toContain("truncate");
  });
});
