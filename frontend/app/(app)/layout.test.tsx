import { beforeEach, describe, expect, it, vi } from "vitest";
import { RETURN_PATH_HEADER } from "@/lib/sign-in-path";
import AppLayout from "./layout";

// The layout on the server, signed out: where it sends the reader (what proxy.ts told it the
// page was, in RETURN_PATH_HEADER).
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("@/lib/session", () => ({ currentUser: async () => null }));
vi.mock("next/navigation", () => ({
  redirect: (target: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { target });
  },
}));
vi.mock("@/components/assistant/assistant-panel", () => ({ AssistantPanel: () => null }));
vi.mock("@/components/notifications/notification-bell", () => ({ NotificationBell: () => null }));
vi.mock("@/components/shell/app-header", () => ({ AppHeader: () => null }));


async function redirectOf(returnPath: string | null): Promise<string> {
  request.headers = new Headers(returnPath === null ? {} : { [RETURN_PATH_HEADER]: returnPath });
  try {
    await AppLayout({ children: null });
  } catch (error) {
    return (error as { target: string }).target;
  }
  throw new Error("no redirect");
}

describe("AppLayout signed out", () => {
  beforeEach(() => {
    request.headers = new Headers();
  });

  it("sends the reader to sign in and back to the page they opened", async () => {
    expect(await redirectOf("/tasks?view=completed")).toBe("/sign-in?next=%2Ftasks%3Fview%3Dcompleted");
    expect(await redirectOf("/dashboard")).toBe("/sign-in?next=%2Fdashboard");
  });

  it("goes to the default page for a missing or off-site return path", async () => {
    for (const path of [null, "//evil.example", "https://evil.example"]) {
      expect(await redirectOf(path)).toBe("/sign-in?next=%2Ftasks");
    }
  });
});
