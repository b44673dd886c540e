// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { NotificationBell } from "./notification-bell";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

const unread = [
  { id: "n2", task_id: "t2", title: "Call the bank", message: "", created_at: "2026-11-26T10:00:00Z", read: false },
  { id: "n1", task_id: "t1", title: "Pay rent", message: "", created_at: "2026-11-26T09:00:00Z", read: false },
];

let fetchMock: ReturnType<typeof vi.fn>;
let requestPermission: ReturnType<typeof vi.fn>;

function renderBell() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <NotificationBell />
      </ToastProvider>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  const read = new Set<string>();
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const match = /\/api\/notifications\/(\w+)\/read$/.exec(url);
    if (match && init?.method === "POST") {
      read.add(match[1]);
      return Response.json({ ...unread.find((n) => n.id === match[1]), read: true });
    }
    if (url === "/api/notifications?unread=true") {
      return Response.json({ items: unread.filter((n) => !read.has(n.id)) });
    }
    return Response.json({ error: { code: "not_found", message: "no" } }, { status: 404 });
  });
  vi.stubGlobal("fetch", fetchMock);
  requestPermission = vi.fn(async () => "granted");
  vi.stubGlobal("Notification", Object.assign(vi.fn(), { permission: "default", requestPermission }));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("NotificationBell", () => {
  it("shows the unread count and lowers it when one is marked read", async () => {
    renderBell();
    const bell = await screen.findByRole("button", { name: "Notifications, 2 unread" });
    expect(screen.getByTestId("unread-badge").textContent).toBe("2");

    fireEvent.click(bell);
    const popover = screen.getByRole("dialog", { name: "Notifications" });
    const items = within(popover).getAllByRole("listitem");
    expect(items.map((item) => within(item).getByRole("link").textContent)).toEqual(["Call the bank", "Pay rent"]);
    expect(within(items[1]).getByRole("link").getAttribute("href")).toBe("/tasks?task=t1");
    // A long unbroken title wraps rather than widening the panel.
    expect(within(items[1]).getByRole("link").classList).toContain("wrap-anywhere");

    fireEvent.click(within(popover).getByRole("button", { name: "Mark “Pay rent” read" }));
    await screen.findByRole("button", { name: "Notifications, 1 unread" });
    expect(fetchMock).toHaveBeenCalledWith("/api/notifications/n1/read", expect.objectContaining({ method: "POST" }));
    await waitFor(() => expect(within(popover).queryByText("Pay rent")).toBeNull());
  });

  it("asks for browser notifications only when the user clicks, never on load", async () => {
    renderBell();
    fireEvent.click(await screen.findByRole("button", { name: /^Notifications/ }));
    expect(requestPermission).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Also notify me outside this tab" }));
    await waitFor(() => expect(requestPermission).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Also notify me outside this tab" })).toBeNull());
  });

  it("closes on Escape and gives focus back to the bell", async () => {
    renderBell();
    const bell = await screen.findByRole("button", { name: /^Notifications/ });
    fireEvent.click(bell);
    expect(screen.getByRole("dialog", { name: "Notifications" })).toBeTruthy();
    fireEvent.keyDown(document, { key: "Escape" });
    expect(screen.queryByRole("dialog", { name: "Notifications" })).toBeNull();
    expect(document.activeElement).toBe(bell);
  });
});
