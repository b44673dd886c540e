import { describe, expect, it } from "vitest";
import { keepShown } from "./use-selection";

describe("keepShown", () => {
  it("drops the ticked tasks the list no longer shows, keeps the others", () => {
    const ticked = new Set(["a", "b", "c"]);
    expect([...keepShown(ticked, ["c", "d"])]).toEqual(["c"]);
    expect([...keepShown(ticked, [])]).toEqual([]);
  });

  it("gives back the same set when every ticked task is still shown (no render for nothing)", () => {
    const ticked = new Set(["a", "c"]);
    expect(keepShown(ticked, ["d", "c", "b", "a"])).toBe(ticked);
    const none = new Set<string>();
    expect(keepShown(none, ["a"])).toBe(none);
  });
});
