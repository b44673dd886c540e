// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { loadParser, QuickAdd } from "./quick-add";

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

  it("keeps the words of a chip in the title when its button is pressed, and sends no rule", async () => {
    // The server accepts the task (a refusal would put the line and its kept words back).
    fetchMock.mockImplementation(async (_url: string, init?: RequestInit) => {
      if (init?.method !== "POST") return Response.json({ items: [], next_cursor: null });
      const sent = JSON.parse(String(init.body));
      const at = new Date().toISOString();
      return Response.json(
        { ...sent, id: "t1", completed: false, completed_at: null, priority: "MEDIUM", series_id: null, parent_task_id: null, next_occurrence: null, version: 1, created_at: at, updated_at: at },
        { status: 201 },
      );
    });
    const box = renderQuickAdd("Weekly review notes");
    expect((await screen.findByText("Review notes")).tagName).toBe("STRONG");
    expect(screen.getByText("Repeats")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Keep “Weekly” in the title" }));
    expect(screen.getByText("Weekly review notes").tagName).toBe("STRONG");
    expect(screen.queryByText("Repeats")).toBeNull();
    expect(screen.queryByRole("list", { name: "Parsed from your text" })).toBeNull();
    expect(document.activeElement).toBe(box);

    fireEvent.submit(box.closest("form")!);
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    const body = JSON.parse(String((posts()[0][1] as RequestInit).body));
    expect(body.title).toBe("Weekly review notes");
    expect(body.rrule).toBeNull();
    expect(body.due_at).toBeNull();

    // Forgotten once sent: the next line is read afresh.
    fireEvent.change(box, { target: { value: "Weekly sync" } });
    expect((await screen.findByText("Sync")).tagName).toBe("STRONG");
    expect(screen.getByText("Repeats")).toBeTruthy();
  });

  it("sends a repeat said to count from completion with repeat_from, and names it on the chip", async () => {
    // User test (h146): "every 3 days from when I last did it" kept the words in the title and
    // the task repeated from its due date.
    const box = renderQuickAdd("water plants every 3 days from when I last did it");
    expect((await screen.findByText("water plants")).tagName).toBe("STRONG");
    const chips = within(screen.getByRole("list", { name: "Parsed from your text" })).getAllByRole("listitem");
    expect(chips.map((li) => li.textContent)).toContain("Repeats Every 3 days, from completion");
    fireEvent.submit(box.closest("form")!);
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    const body = JSON.parse(String((posts()[0][1] as RequestInit).body));
    expect([body.title, body.rrule, body.repeat_from]).toEqual(["water plants", "FREQ=DAILY;INTERVAL=3", "completion"]);
  });

  it("keeps a day and a time said apart in the title with one press, and sends no due date", async () => {
    // Was two presses: the first kept only "at 5pm", and the task was still due Friday 09:00.
    const box = renderQuickAdd("call mom friday about taxes at 5pm");
    expect((await screen.findByText("call mom about taxes")).tagName).toBe("STRONG");
    fireEvent.click(screen.getByRole("button", { name: "Keep “friday … at 5pm” in the title" }));
    expect(screen.getByText("call mom friday about taxes at 5pm").tagName).toBe("STRONG");
    expect(screen.queryByRole("list", { name: "Parsed from your text" })).toBeNull();

    fireEvent.submit(box.closest("form")!);
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    const body = JSON.parse(String((posts()[0][1] as RequestInit).body));
    expect([body.title, body.due_at]).toEqual(["call mom friday about taxes at 5pm", null]);
  });

  it("keeps the words while the line is edited and forgets them when it is emptied", async () => {
    const box = renderQuickAdd("Daily standup #Work");
    fireEvent.click(await screen.findByRole("button", { name: "Keep “Daily” in the title" }));
    fireEvent.change(box, { target: { value: "Daily standup notes #Work" } });
    expect(screen.getByText("Daily standup notes").tagName).toBe("STRONG");
    const chips = within(screen.getByRole("list", { name: "Parsed from your text" })).getAllByRole("listitem");
    expect(chips.map((chip) => chip.textContent)).toEqual(["Tag Work"]);

    fireEvent.change(box, { target: { value: "" } });
    fireEvent.change(box, { target: { value: "Daily standup" } });
    expect((await screen.findByText("Standup")).tagName).toBe("STRONG");
    expect(screen.getByText("Repeats")).toBeTruthy();
  });

  it("puts the kept words back with the line when the server refuses the task", async () => {
    fetchMock.mockImplementation(async (_url: string, init?: RequestInit) =>
      init?.method === "POST"
        ? Response.json({ error: { code: "unavailable", message: "Try again in a moment." } }, { status: 400 })
        : Response.json({ items: [], next_cursor: null }),
    );
    const box = renderQuickAdd("Weekly review notes");
    fireEvent.click(await screen.findByRole("button", { name: "Keep “Weekly” in the title" }));
    fireEvent.submit(box.closest("form")!);
    await vi.waitFor(() => expect((box as HTMLInputElement).value).toBe("Weekly review notes"));
    await screen.findAllByText("Try again in a moment.");
    expect(screen.getByText("Weekly review notes").tagName).toBe("STRONG");
    expect(screen.queryByText("Repeats")).toBeNull();
  });

  it("says what the line will add once typing pauses, not at every key", async () => {
    await loadParser();
    const box = renderQuickAdd("");
    const form = box.closest("form")!;
    const live = () => [...form.querySelectorAll("[aria-live]")].map((region) => region.textContent).join(" | ");
    const line = "Pay rent tomorrow 9am #Home";
    fireEvent.change(box, { target: { value: "P" } });
    await screen.findByText("P"); // the parser in use
    const saidWhileTyping = new Set([live()]);
    for (let end = 2; end <= line.length; end++) {
      fireEvent.change(box, { target: { value: line.slice(0, end) } });
      saidWhileTyping.add(live());
    }
    // The preview on screen follows every key, outside any live region.
    const preview = document.getElementById(box.getAttribute("aria-describedby")!)!;
    expect(preview.textContent).toMatch(/^Adds Pay rent/);
    expect(preview.closest("[aria-live]")).toBeNull();
    expect([...saidWhileTyping]).toEqual([""]);
    // Then, once the keys stop: the whole reading, once.
    await vi.waitFor(() => expect(live()).toMatch(/^Adds Pay rent, Due Tomorrow 9:00\sAM, Tag Home$/), { timeout: 2000 });
    // Emptied and typed again at once: nothing said for the earlier line.
    fireEvent.change(box, { target: { value: "" } });
    fireEvent.change(box, { target: { value: "B" } });
    expect(live()).toBe("");
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
