import { describe, expect, it } from "vitest";
import { actionHref, actionLabel, changesTasks, chatReplySchema, type ChatAction } from "./chat";

const action = (tool: string, args: Record<string, unknown> = {}, ok = true): ChatAction => ({
  tool,
  arguments: args,
  ok,
});

describe("changesTasks", () => {
  it("is true when a successful action wrote", () => {
    expect(changesTasks([action("list_tasks"), action("add_task", { title: "Buy milk" })])).toBe(true);
  });

  it("is false for reads only, failed writes, or nothing", () => {
    expect(changesTasks([action("list_tasks"), action("search_tasks", { query: "x" })])).toBe(false);
    expect(changesTasks([action("complete_task", { task_id: "t1" }, false)])).toBe(false);
    expect(changesTasks([])).toBe(false);
  });
});

describe("actionHref", () => {
  it("opens the task's drawer when the action names the task", () => {
    expect(actionHref(action("complete_task", { task_id: "a b/1" }))).toBe("/tasks?task=a%20b%2F1");
    expect(actionHref({ ...action("add_task", { title: "Buy milk" }), task_id: "t9" })).toBe("/tasks?task=t9");
  });

  it("searches for an added task's title, whose id the reply does not carry", () => {
    expect(actionHref(action("add_task", { title: "Buy milk & eggs" }))).toBe("/tasks?search=Buy%20milk%20%26%20eggs");
  });

  it("leads nowhere for failures and deletions", () => {
    expect(actionHref(action("add_task", { title: "x" }, false))).toBeNull();
    expect(actionHref(action("delete_task", { task_id: "t1" }))).toBeNull();
    expect(actionHref(action("list_tasks", { status: "open" }))).toBeNull();
  });
});

describe("actionLabel", () => {
  it("says what happened, with the detail that matters", () => {
    expect(actionLabel(action("add_task", { title: "Buy milk" }))).toBe("Added “Buy milk”");
    expect(actionLabel(action("add_tag", { task_id: "t", tag: "Home" }))).toBe("Tagged #Home");
    expect(actionLabel(action("set_priority", { task_id: "t", priority: "VERY_IMPORTANT" }))).toBe("Priority Urgent");
    expect(actionLabel(action("set_priority", { task_id: "t", priority: "low" }))).toBe("Priority Low");
    expect(actionLabel(action("complete_task", { task_id: "t" }))).toBe("Completed");
  });

  it("names a task acted on by id by its title when known ('Due date', 'Due date' said nothing)", () => {
    expect(actionLabel(action("set_due_date", { task_id: "t", due_at: "2030-03-15T08:00:00Z" }), "Prepare slides")).toBe(
      "Due date “Prepare slides”",
    );
    expect(actionLabel(action("get_task", { task_id: "t" }), "Call mom")).toBe("Looked up “Call mom”");
    // The action's own words still win, and without a title the verb stands alone.
    expect(actionLabel(action("add_tag", { task_id: "t", tag: "Home" }), "Call mom")).toBe("Tagged #Home");
    expect(actionLabel(action("update_task", { task_id: "t", title: "New" }), "Old")).toBe("Updated “New”");
    expect(actionLabel(action("complete_task", { task_id: "t" }), null)).toBe("Completed");
  });

  it("marks failures and names unknown tools readably", () => {
    expect(actionLabel(action("add_task", { title: "x" }, false))).toBe("Added “x” (failed)");
    expect(actionLabel(action("archive_everything"))).toBe("Archive everything");
  });
});

describe("chatReplySchema", () => {
  it("accepts the service's reply and tolerates odd arguments", () => {
    const reply = chatReplySchema.parse({
      conversation_id: "c1",
      reply: "Added 'Buy milk'.",
      actions: [{ tool: "add_task", arguments: "not json", ok: true }],
    });
    expect(reply.actions[0].arguments).toEqual({});
  });

  it("refuses a reply without its text", () => {
    expect(() => chatReplySchema.parse({ conversation_id: "c1", actions: [] })).toThrow();
  });
});
