// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { QuickAdd } from "./quick-add";

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(async () => Response.json({ items: [], next_cursor: null }));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Harness({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return <QuickAdd value={value} onValueChange={setValue} />;
}

function renderQuickAdd(initial: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <Harness initial={initial} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return screen.getByLabelText("Quick add a task");
}

const posts = () => fetchMock.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === "POST");

describe("QuickAdd", () => {
  it("says a title is over 200 characters as it is typed, and does not send it", async () => {
    const title = "very long title words ".repeat(12).trim(); // 263 characters
    const box = renderQuickAdd(`${title} #Work`);
    expect((await screen.findByRole("alert")).textContent).toBe("Keep the title to 200 characters. This one has 263.");
    expect(box.getAttribute("aria-invalid")).toBe("true");

    fireEvent.submit(box.closest("form")!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posts()).toHaveLength(0);
    expect((box as HTMLInputElement).value).toBe(`${title} #Work`);
    expect(screen.getByRole("alert").textContent).toBe("Keep the title to 200 characters. This one has 263.");
  });

  it("counts characters as the server does (an emoji is one) and sends a title of exactly 200", async () => {
    const box = renderQuickAdd("🏠".repeat(200));
    await screen.findByText("🏠".repeat(200));
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.submit(box.closest("form")!);
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    expect(JSON.parse(String((posts()[0][1] as RequestInit).body)).title).toBe("🏠".repeat(200));
  });

  it("keeps the typed text on Escape and only leaves the line", () => {
    const box = renderQuickAdd("");
    box.focus();
    fireEvent.change(box, { target: { value: "hello" } });
    fireEvent.keyDown(box, { key: "Escape" });
    expect((box as HTMLInputElement).value).toBe("hello");
    expect(document.activeElement).not.toBe(box);
  });
});
