// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { QuickAdd } from "./quick-add";

// The parser's chunk fails to load the first time (offline before it was fetched), then loads.
const loads = vi.hoisted(() => ({ failures: 1 }));
vi.mock("@/lib/quick-add", async (importOriginal) => {
  if (loads.failures > 0) {
    loads.failures -= 1;
    throw new Error("Failed to fetch dynamically imported module");
  }
  return importOriginal();
});

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
    init?.method === "POST"
      ? Response.json({ ...JSON.parse(String(init.body)), id: "t1", version: 1 }, { status: 201 })
      : Response.json({ items: [], next_cursor: null }),
  );
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Harness() {
  const [value, setValue] = useState("");
  return <QuickAdd value={value} onValueChange={setValue} />;
}

it("says so when the parser could not load, and loads it again on the next Enter", async () => {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ToastProvider>
        <Harness />
      </ToastProvider>
    </QueryClientProvider>,
  );
  const input = screen.getByLabelText("Quick add a task");
  fireEvent.change(input, { target: { value: "Pay rent #Finance" } });
  fireEvent.submit(input.closest("form")!);
  expect(await screen.findByText(/Quick-add could not load/)).toBeTruthy();
  const posts = () => fetchMock.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === "POST");
  expect(posts()).toHaveLength(0);

  fireEvent.submit(input.closest("form")!);
  await vi.waitFor(() => expect(posts()).toHaveLength(1));
  expect(JSON.parse(String((posts()[0][1] as RequestInit).body))).toMatchObject({ title: "Pay rent", tags: ["Finance"] });
});
