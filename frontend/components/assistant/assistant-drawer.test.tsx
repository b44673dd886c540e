// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { classesIn, minSize, tailwindCss } from "@/lib/test-css";
import userEvent from "@testing-library/user-event";
import { ToastProvider, useToast } from "@/components/ui/toast";
import { NEXT_INSTANCE_REFRESH_MS } from "@/lib/tasks";
import AssistantDrawer, { FULL_SCREEN } from "./assistant-drawer";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

let fetchMock: ReturnType<typeof vi.fn>;
let reply: () => Response;

function renderDrawer(onClose = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const invalidate = vi.spyOn(client, "invalidateQueries");
  render(
    <QueryClientProvider client={client}>
      <AssistantDrawer open onClose={onClose} />
    </QueryClientProvider>,
  );
  return { invalidate, onClose, client };
}

async function send(text: string) {
  const box = screen.getByLabelText("Message the assistant");
  fireEvent.change(box, { target: { value: text } });
  fireEvent.keyDown(box, { key: "Enter" });
}

beforeEach(() => {
  reply = () =>
    Response.json({
      conversation_id: "c1",
      reply: "Added 'Buy milk' for tomorrow at 9:00 AM.",
      actions: [
        { tool: "add_task", arguments: { title: "Buy milk", due_at: "2026-11-27T08:00:00Z" }, ok: true },
        { tool: "complete_task", arguments: { task_id: "t7" }, ok: true },
      ],
    });
  fetchMock = vi.fn(async (url: string) => (url === "/api/chat" ? reply() : Response.json({ items: [] })));
  vi.stubGlobal("fetch", fetchMock);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("AssistantDrawer", () => {
  it("sends the message with the browser's zone, shows the reply and chips, refreshes the task lists", async () => {
    const { invalidate } = renderDrawer();
    await send("add a task to buy milk tomorrow");

    const panel = screen.getByRole("dialog", { name: "Assistant" });
    await within(panel).findByText("Added 'Buy milk' for tomorrow at 9:00 AM.");
    const [, init] = fetchMock.mock.calls.find(([url]) => url === "/api/chat")!;
    const body = JSON.parse(String(init.body));
    expect(body).toEqual({
      message: "add a task to buy milk tomorrow",
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });

    const chips = within(panel).getByRole("list", { name: "What the assistant did" });
    const links = within(chips).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Added “Buy milk”", "/tasks?search=Buy%20milk"],
      ["Completed", "/tasks?task=t7"],
    ]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["tasks"] });

    // The follow-up continues the same conversation.
    await send("thanks");
    await waitFor(() => expect(fetchMock.mock.calls.filter(([url]) => url === "/api/chat")).toHaveLength(2));
    const second = JSON.parse(String(fetchMock.mock.calls.filter(([url]) => url === "/api/chat")[1][1].body));
    expect(second.conversation_id).toBe("c1");
  });

  it("names the task on its chips after it has left the list: 'Completed “Buy milk”', then 'Deleted “Buy milk”'", async () => {
    const { client } = renderDrawer();
    const list = (items: Array<{ id: string; title: string }>) =>
      client.setQueryData(["tasks", "list", { status: "open" }], { pages: [{ items, next_cursor: null }], pageParams: [null] });
    list([{ id: "t7", title: "Buy milk" }]);
    reply = () =>
      Response.json({
        conversation_id: "c1",
        reply: "Marked 'Buy milk' as done.",
        actions: [{ tool: "complete_task", arguments: { task_id: "t7" }, ok: true, task_id: "t7" }],
      });
    await send("ok i bought the milk");
    await screen.findByText("Marked 'Buy milk' as done.");
    // The list refetched: done, it is no longer there.
    act(() => void list([]));
    reply = () =>
      Response.json({
        conversation_id: "c1",
        reply: "Deleted the completed task 'Buy milk'.",
        actions: [
          { tool: "list_tasks", arguments: { status: "completed" }, ok: true },
          { tool: "delete_task", arguments: { task_id: "t7" }, ok: true },
        ],
      });
    await send("delete all my done tasks");
    await screen.findByText("Deleted the completed task 'Buy milk'.");
    const chips = screen.getAllByRole("list", { name: "What the assistant did" }).map((ul) =>
      within(ul)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    );
    // Before: "Completed" and "Deleted", no name (t05).
    expect(chips).toEqual([["Completed “Buy milk”"], ["Listed tasks", "Deleted “Buy milk”"]]);
  });

  it("looks again for a series' next instance a moment after the assistant completed or deleted one of it", async () => {
    const { invalidate } = renderDrawer();
    const later = vi.spyOn(globalThis, "setTimeout");
    await send("mark stand-up done");
    await screen.findByText("Added 'Buy milk' for tomorrow at 9:00 AM.");
    // The first refetch at once; the next instance, made through events after it, at 2.5 and 6 s.
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["tasks"] });
    const waits = later.mock.calls.map(([, ms]) => ms);
    expect(waits).toEqual(expect.arrayContaining([...NEXT_INSTANCE_REFRESH_MS]));
    const calls = invalidate.mock.calls.length;
    for (const [callback, ms] of later.mock.calls) if (NEXT_INSTANCE_REFRESH_MS.some((wait) => wait === ms)) act(() => (callback as () => void)());
    expect(invalidate.mock.calls.length).toBe(calls + NEXT_INSTANCE_REFRESH_MS.length);
    expect(invalidate).toHaveBeenLastCalledWith({ queryKey: ["tasks"] });
    later.mockRestore();
  });

  it("does not look for a next instance after a series ended or an add (guard)", async () => {
    reply = () =>
      Response.json({
        conversation_id: "c1",
        reply: "Deleted 'Gym' and ended its series: no more will come.",
        actions: [
          { tool: "add_task", arguments: { title: "Buy milk" }, ok: true },
          { tool: "delete_task", arguments: { task_id: "t7", series: true }, ok: true },
        ],
      });
    renderDrawer();
    const later = vi.spyOn(globalThis, "setTimeout");
    await send("delete gym for good");
    await screen.findByText("Deleted 'Gym' and ended its series: no more will come.");
    expect(later.mock.calls.map(([, ms]) => ms)).not.toContain(NEXT_INSTANCE_REFRESH_MS[0]);
    later.mockRestore();
  });

  it("leaves the task lists alone when the assistant only read", async () => {
    reply = () =>
      Response.json({ conversation_id: "c1", reply: "Nothing due.", actions: [{ tool: "list_tasks", arguments: {}, ok: true }] });
    const { invalidate } = renderDrawer();
    await send("what is due?");
    await screen.findByText("Nothing due.");
    expect(invalidate).not.toHaveBeenCalledWith({ queryKey: ["tasks"] });
  });

  it("keeps a message the server refused, with the reason and a retry", async () => {
    reply = () =>
      Response.json({ error: { code: "unavailable", message: "The assistant is unavailable right now." } }, { status: 503 });
    renderDrawer();
    await send("add a task to buy milk");
    await screen.findByText("The assistant is unavailable right now.");
    expect(screen.getByText("add a task to buy milk")).toBeTruthy();
    // Retry was 20 px high: a 44 px tap target on a touch screen, 24 px at least elsewhere.
    const retry = screen.getByRole("button", { name: "Retry" });
    const css = await tailwindCss(classesIn(retry));
    expect(minSize(retry, css, "height", true)).toBeGreaterThanOrEqual(44);
    expect(minSize(retry, css, "height", false)).toBeGreaterThanOrEqual(24);

    reply = () => Response.json({ conversation_id: "c2", reply: "Added 'Buy milk'.", actions: [] });
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    await screen.findByText("Added 'Buy milk'.");
    expect(screen.queryByText("The assistant is unavailable right now.")).toBeNull();
  });

  it("closes on Escape", () => {
    const { onClose } = renderDrawer();
    fireEvent.keyDown(screen.getByLabelText("Message the assistant"), { key: "Escape" });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe("AssistantDrawer on a phone (full screen) and beside the page (wide)", () => {
  function screenWidth(phone: boolean) {
    vi.stubGlobal("matchMedia", (query: string) => ({
      matches: query === FULL_SCREEN ? phone : false,
      addEventListener() {},
      removeEventListener() {},
    }));
  }
  /** Tab (or Shift+Tab) from where focus is; true when the panel kept it (the browser would not move it). */
  const tab = (shiftKey = false) => !fireEvent.keyDown(document.activeElement!, { key: "Tab", shiftKey });

  it("keeps Tab and Shift+Tab inside the panel on a phone, where it covers the page, and is modal", () => {
    screenWidth(true);
    renderDrawer();
    const panel = screen.getByRole("dialog", { name: "Assistant" });
    expect(panel.getAttribute("aria-modal")).toBe("true");
    const box = screen.getByLabelText("Message the assistant");
    box.focus();
    // The message box is the last stop while Send is disabled: Tab goes round to the first.
    expect(tab()).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "History" }));
    expect(tab(true)).toBe(true);
    expect(document.activeElement).toBe(box);
    // With a message typed, Send is the last stop.
    fireEvent.change(box, { target: { value: "what is due today" } });
    const sendButton = screen.getByRole("button", { name: "Send" });
    sendButton.focus();
    expect(tab()).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "History" }));
    // In between, the browser moves focus as usual.
    expect(tab()).toBe(false);
  });

  /** The panel open on a phone with a toast shown above it, as after a completion (its Undo). */
  function renderWithToast(undo = vi.fn()) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let say: ReturnType<typeof useToast>["toast"] = () => 0;
    function Toaster() {
      say = useToast().toast;
      return null;
    }
    render(
      <QueryClientProvider client={client}>
        <ToastProvider>
          <Toaster />
          <AssistantDrawer open onClose={vi.fn()} />
        </ToastProvider>
      </QueryClientProvider>,
    );
    return { say: (title: string) => act(() => void say({ title, action: { label: "Undo", onClick: undo } })) };
  }

  it("takes the toasts shown above it into the Tab cycle on a phone: their Undo is reachable, then back into the panel", async () => {
    screenWidth(true);
    const user = userEvent.setup();
    const undo = vi.fn();
    const { say } = renderWithToast(undo);
    say("Completed “Pay rent”");
    await screen.findByRole("button", { name: "Undo" });
    const box = screen.getByLabelText("Message the assistant");
    box.focus();
    const name = () =>
      document.activeElement === box ? "message box" : (document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent);
    const round: Array<string | null | undefined> = [];
    for (let i = 0; i < 3; i++) {
      await user.tab();
      round.push(name());
    }
    // Before: from the message box Tab went round to History; the Undo was never reached.
    expect(round).toEqual(["Undo", "Dismiss notification", "History"]);
    const back: Array<string | null | undefined> = [];
    for (let i = 0; i < 3; i++) {
      await user.tab({ shift: true });
      back.push(name());
    }
    expect(back).toEqual(["Dismiss notification", "Undo", "message box"]);
    await user.tab();
    expect(name()).toBe("Undo");
    await user.keyboard("{Enter}");
    expect(undo).toHaveBeenCalledTimes(1);
  });

  it("goes round the panel alone on a phone when no toast is shown, and on a wide screen leaves Tab to the page with a toast shown (guards)", async () => {
    screenWidth(true);
    renderWithToast();
    const box = screen.getByLabelText("Message the assistant");
    box.focus();
    expect(tab()).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "History" }));
    expect(tab(true)).toBe(true);
    expect(document.activeElement).toBe(box);
    cleanup();
    screenWidth(false);
    renderWithToast().say("Completed “Pay rent”");
    await screen.findByRole("button", { name: "Undo" });
    screen.getByLabelText("Message the assistant").focus();
    expect(tab()).toBe(false);
  });

  it("closes on Escape on a phone", () => {
    screenWidth(true);
    const { onClose } = renderDrawer();
    fireEvent.keyDown(screen.getByLabelText("Message the assistant"), { key: "Escape" });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("stays a side panel on a wide screen: not modal, Tab goes on to the page (guard)", () => {
    screenWidth(false);
    renderDrawer();
    expect(screen.getByRole("dialog", { name: "Assistant" }).getAttribute("aria-modal")).toBe("false");
    screen.getByLabelText("Message the assistant").focus();
    expect(tab()).toBe(false);
  });
});
