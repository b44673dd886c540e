import { describe, expect, it } from "vitest";
import {
  HOME_PATH,
  authPageHref,
  requestReturnPath,
  safeReturnPath,
  signInPath,
  signInRedirect,
} from "./sign-in-path";

describe("signInRedirect", () => {
  it("sends the reader to sign in, coming back to where they were", () => {
    const target = signInRedirect({ pathname: "/tasks", search: "?task=abc&search=a%20b" });
    expect(target).toBe(signInPath("/tasks?task=abc&search=a%20b"));
    expect(new URL(target!, "http://localhost").searchParams.get("next")).toBe("/tasks?task=abc&search=a%20b");
  });

  it("does nothing on the sign-in and sign-up pages themselves", () => {
    expect(signInRedirect({ pathname: "/sign-in", search: "?next=/tasks" })).toBeNull();
    expect(signInRedirect({ pathname: "/sign-up", search: "" })).toBeNull();
    expect(signInRedirect({ pathname: "/dashboard", search: "" })).toBe("/sign-in?next=%2Fdashboard");
  });
});

describe("safeReturnPath", () => {
  it("keeps a path on this site", () => {
    expect(safeReturnPath("/dashboard")).toBe("/dashboard");
    expect(safeReturnPath("/tasks?task=abc")).toBe("/tasks?task=abc");
    expect(safeReturnPath(["/dashboard", "/tasks"])).toBe("/dashboard");
  });

  it("goes home for anything that could leave the site, loop, or is missing", () => {
    for (const next of [undefined, null, "", "tasks", "//evil.example/x", "/\\evil.example", "https://evil.example", "/sign-in?next=/x", "/sign-up", "/tasks\n"]) {
      expect(safeReturnPath(next)).toBe(HOME_PATH);
    }
  });
});

describe("requestReturnPath", () => {
  it("is the page's path and query as asked for", () => {
    expect(requestReturnPath(new URL("http://localhost:3000/tasks?view=completed"))).toBe("/tasks?view=completed");
    expect(requestReturnPath(new URL("http://localhost:3000/tasks?search=a%20b&task=x"))).toBe("/tasks?search=a%20b&task=x");
    expect(requestReturnPath(new URL("http://localhost:3000/dashboard"))).toBe("/dashboard");
  });

  it("leaves out Next.js's _rsc (a client navigation's cache key)", () => {
    expect(requestReturnPath(new URL("http://localhost:3000/dashboard?_rsc=1x2y"))).toBe("/dashboard");
    expect(requestReturnPath(new URL("http://localhost:3000/tasks?view=completed&_rsc=1x2y"))).toBe("/tasks?view=completed");
  });

  it("becomes the sign-in page's next, which safeReturnPath keeps", () => {
    const target = signInPath(safeReturnPath(requestReturnPath(new URL("http://localhost:3000/tasks?view=completed"))));
    expect(target).toBe("/sign-in?next=%2Ftasks%3Fview%3Dcompleted");
  });
});

describe("authPageHref", () => {
  it("carries next from sign-in to sign-up and back", () => {
    expect(authPageHref("/sign-up", "/tasks?view=completed")).toBe("/sign-up?next=%2Ftasks%3Fview%3Dcompleted");
    expect(authPageHref("/sign-in", "/dashboard")).toBe("/sign-in?next=%2Fdashboard");
    const href = authPageHref("/sign-up", "/tasks?task=a&search=b");
    expect(safeReturnPath(new URL(href, "http://localhost").searchParams.get("next"))).toBe("/tasks?task=a&search=b");
  });

  it("leaves the default out", () => {
    expect(authPageHref("/sign-up", HOME_PATH)).toBe("/sign-up");
  });
});
