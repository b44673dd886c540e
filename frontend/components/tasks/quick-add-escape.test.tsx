// @vitest-environment jsdom
/**
 * Escape in the quick-add line leaves it (the text stays) and gives focus back where it came from
 * ("n" on a task row), or to the page's main region: never to the body, where the next Tab would
 * start from the top of the page. The same with the line empty and with text in it.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { QuickAdd } from "./quick-add";

beforeEach(() => {
  vi.stubGlobal("fetch", vi.fn(async () => Response.json({ items: [], next_cursor: null })));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Page({ initial = "" }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  const [row, setRow] = useState(true);
  return (
    <main id="main" tabIndex={-1}>
      <QuickAdd value={value} onValueChange={setValue} />
      {row && <button type="button">Pay rent</button>}
      <button type="button" onClick={() => setRow(false)}>
        Remove row
      </button>
    </main>
  );
}

function renderPage(initial?: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <Page initial={initial} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return screen.getByLabelText("Quick add a task") as HTMLInputElement;
}

describe("Escape in quick-add", () => {
  it("gives focus back to the task row it was opened from, with the line empty", () => {
    const box = renderPage();
    const row = screen.getByRole("button", { name: "Pay rent" });
    row.focus();
    box.focus(); // what "n" does
    fireEvent.keyDown(box, { key: "Escape" });
    expect(document.activeElement).toBe(row);
    expect(box.value).toBe("");
  });

  it("does the same with text in the line, and the text stays", () => {
    const box = renderPage();
    const row = screen.getByRole("button", { name: "Pay rent" });
    row.focus();
    box.focus();
    fireEvent.change(box, { target: { value: "hello" } });
    fireEvent.keyDown(box, { key: "Escape" });
    expect(document.activeElement).toBe(row);
    expect(box.value).toBe("hello");
  });

  it("focuses the main region when nothing had focus before (a click, a page load)", () => {
    const box = renderPage();
    expect(document.activeElement).toBe(document.body);
    box.focus();
    fireEvent.keyDown(box, { key: "Escape" });
    expect(document.activeElement).toBe(document.getElementById("main"));
  });

  it("focuses the main region when the element it came from has gone", () => {
    const box = renderPage();
    screen.getByRole("button", { name: "Pay rent" }).focus();
    box.focus();
    fireEvent.click(screen.getByRole("button", { name: "Remove row" }));
    box.focus();
    fireEvent.keyDown(box, { key: "Escape" });
    expect(screen.queryByRole("button", { name: "Pay rent" })).toBeNull();
    expect(document.activeElement).toBe(document.getElementById("main"));
  });

  it("remembers where it came from across focus moving inside the line (a chip's keep button)", async () => {
    const box = renderPage();
    const row = screen.getByRole("button", { name: "Pay rent" });
    row.focus();
    box.focus();
    fireEvent.change(box, { target: { value: "Weekly review notes" } });
    const keep = await screen.findByRole("button", { name: "Keep “Weekly” in the title" });
    keep.focus();
    fireEvent.click(keep); // puts focus back in the line
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: "Escape" });
    expect(document.activeElement).toBe(row);
    expect(box.value).toBe("Weekly review notes");
  });
});
