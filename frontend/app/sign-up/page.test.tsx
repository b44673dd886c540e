import { describe, expect, it, vi } from "vitest";
import Page from "./page";

// The sign-up page on the server, signed in already: it goes on to `next` (checked) at once.
vi.mock("@/lib/session", () => ({ currentUser: async () => ({ id: "u1", name: "Robin", email: "r@example.com" }) }));
vi.mock("next/navigation", () => ({
  redirect: (target: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { target });
  },
}));
vi.mock("@/components/shell/auth-form", () => ({ AuthForm: () => null }));


async function redirectOf(next: string | undefined): Promise<string> {
  try {
    await Page({ searchParams: Promise.resolve({ next }) });
  } catch (error) {
    return (error as { target: string }).target;
  }
  throw new Error("no redirect");
}

describe("sign-up page", () => {
  it("sends a signed-in reader on to next, when it is a path on this site", async () => {
    expect(await redirectOf("/tasks?view=completed")).toBe("/tasks?view=completed");
  });

  it("sends them to the default page otherwise", async () => {
    for (const next of [undefined, "//evil.example", "https://evil.example"]) expect(await redirectOf(next)).toBe("/tasks");
  });
});
