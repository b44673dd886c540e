// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EmptyState } from "./empty-state";

afterEach(cleanup);

describe("EmptyState", () => {
  it("says nothing is completed yet in the Completed view, rather than blaming filters", () => {
    const onClear = vi.fn();
    render(<EmptyState filtered completedOnly onClear={onClear} onExample={() => {}} />);
    expect(screen.getByRole("heading").textContent).toBe("Nothing completed yet");
    expect(screen.queryByText(/fewer filters/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Show open tasks" }));
    expect(onClear).toHaveBeenCalledTimes(1);
  });

  it("suggests fewer filters when filters or a search found nothing", () => {
    render(<EmptyState filtered onClear={() => {}} onExample={() => {}} />);
    expect(screen.getByRole("heading").textContent).toBe("No tasks match");
  });
});
