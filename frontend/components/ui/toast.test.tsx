// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ToastProvider, useToast } from "./toast";

afterEach(cleanup);

const long = `Completed “Check https://example.com/${"averyveryverylongpathsegment".repeat(5)}”`;

function Trigger() {
  const { toast } = useToast();
  return (
    <button type="button" onClick={() => toast({ title: long, description: long, tone: "success" })}>
      go
    </button>
  );
}

describe("toasts", () => {
  it("wrap a long unbroken title and description instead of running off the screen", () => {
    render(
      <ToastProvider>
        <Trigger />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "go" }));
    const texts = screen.getAllByText(long);
    expect(texts).toHaveLength(2);
    // jsdom has no layout: each carries the wrapping rule (overflow-wrap: anywhere).
    for (const text of texts) expect(text.classList).toContain("wrap-anywhere");
  });
});
