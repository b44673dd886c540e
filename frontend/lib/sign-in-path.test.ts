import { describe, expect, it } from "vitest";
import { HOME_PATH, safeReturnPath, signInPath, signInRedirect } from "./sign-in-path";

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
