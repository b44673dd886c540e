import { describe, expect, it } from "vitest";
import { ROUTE_TABLE, appIdFor, resolveTarget } from "./routes";

describe("appIdFor", () => {
  it.each([
    ["tasks", "task-service"],
    ["tags", "task-service"],
    ["chat", "chat-service"],
    ["conversations", "chat-service"],
    ["mcp", "chat-service"],
    ["notifications", "notification-service"],
    ["activity", "audit-service"],
    ["stats", "audit-service"],
    ["recurrence", "recurring-service"],
  ])("routes %s to %s", (prefix, appId) => {
    expect(appIdFor(prefix)).toBe(appId);
  });

  it("covers exactly the documented prefixes", () => {
    expect(Object.keys(ROUTE_TABLE).sort()).toEqual(
      ["activity", "chat", "conversations", "mcp", "notifications", "recurrence", "stats", "tags", "tasks"],
    );
  });

  it.each(["", "auth", "health", "Tasks", "toString", "__proto__", "constructor", "unknown"])(
    "has no route for %j",
    (prefix) => {
      expect(appIdFor(prefix)).toBeNull();
    },
  );
});

describe("resolveTarget", () => {
  it("keeps the whole path after /api/", () => {
    expect(resolveTarget("/api/tasks/abc/complete")).toEqual({
      prefix: "tasks",
      rest: "tasks/abc/complete",
      appId: "task-service",
    });
  });

  it("resolves a bare prefix", () => {
    expect(resolveTarget("/api/stats")).toEqual({ prefix: "stats", rest: "stats", appId: "audit-service" });
  });

  it("drops trailing slashes", () => {
    expect(resolveTarget("/api/notifications/stream/")?.rest).toBe("notifications/stream");
  });

  it("keeps percent-encoding as sent", () => {
    expect(resolveTarget("/api/tasks/a%2Fb")?.rest).toBe("tasks/a%2Fb");
  });

  it.each(["/api/", "/api", "/tasks", "/api/nope/x", "/api//tasks"])("rejects %j", (path) => {
    expect(resolveTarget(path)).toBeNull();
  });
});
