// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { addTags, MAX_TAGS, TagInput } from "./tag-input";

beforeEach(() => {
  vi.stubGlobal("fetch", vi.fn(async () => Response.json({ suggested: ["Work", "Home"], used: [] })));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("addTags", () => {
  it("splits on commas, trims, drops '#' and duplicates ignoring case", () => {
    expect(addTags(["Home"], " #work, home ,, Work,#Errands ")).toEqual({ tags: ["Home", "work", "Errands"], refused: [] });
  });

  it("keeps to the limit and names the rest", () => {
    expect(addTags([], "a,b,c,d,e,f,g,h,i,j,k,K,l")).toEqual({
      tags: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"],
      refused: ["k", "l"],
    });
    expect(addTags(["a"], "A, b", 2)).toEqual({ tags: ["a", "b"], refused: [] });
  });

  it("cuts a tag to 32 characters", () => {
    expect(addTags([], "x".repeat(40)).tags).toEqual(["x".repeat(32)]);
  });
});

function Harness({ initial = [] as string[] }) {
  const [tags, setTags] = useState(initial);
  return (
    <>
      <TagInput id="tags" value={tags} onChange={setTags} />
      <output data-testid="value">{JSON.stringify(tags)}</output>
    </>
  );
}

function renderInput(initial?: string[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Harness initial={initial} />
    </QueryClientProvider>,
  );
  return screen.getByRole("combobox");
}

const value = () => JSON.parse(screen.getByTestId("value").textContent ?? "[]") as string[];

describe("TagInput", () => {
  it("suggests a tag once whatever its case, in the user's own spelling when they have it (guard)", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Response.json({ suggested: ["Work", "Home"], used: [{ tag: "home", count: 3 }] })),
    );
    const box = renderInput();
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: "o" } });
    const options = await screen.findAllByRole("option");
    expect(options.map((o) => o.textContent?.replace(/^#/, ""))).toEqual(["home", "Work"]);
  });

  it("makes a pasted list separate tags on Enter, and says which did not fit", () => {
    const box = renderInput();
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: "a,b,c,d,e,f,g,h,i,j,k" } });
    fireEvent.keyDown(box, { key: "Enter" });
    expect(value()).toEqual(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
    expect(value()).toHaveLength(MAX_TAGS);
    expect(screen.getByRole("alert").textContent).toBe("Up to 10 tags; not added: #k.");
  });

  it("adds typed text on a comma, skipping one already there in another case", () => {
    const box = renderInput(["Home"]);
    fireEvent.change(box, { target: { value: "home" } });
    fireEvent.keyDown(box, { key: "," });
    fireEvent.change(box, { target: { value: "Garden" } });
    fireEvent.keyDown(box, { key: "," });
    expect(value()).toEqual(["Home", "Garden"]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("keeps typed text as a tag when focus leaves without Enter or comma", () => {
    const box = renderInput(["Home"]);
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: "#Garden" } });
    fireEvent.blur(box);
    expect(value()).toEqual(["Home", "Garden"]);
    expect((box as HTMLInputElement).value).toBe("");
  });

  it("leaves the tags alone when focus leaves an empty box", () => {
    const box = renderInput(["Home"]);
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: "  " } });
    fireEvent.blur(box);
    expect(value()).toEqual(["Home"]);
  });

  it("keeps the suggestion list out of the Tab order, so Tab goes from the box to the next field", async () => {
    // Chromium makes a scrolling element a Tab stop unless it says otherwise: with 7 or more suggestions
    // the list scrolls, Tab from the box focused it, the blur hid it and focus fell to <body>.
    const box = renderInput();
    fireEvent.focus(box);
    const list = await screen.findByRole("listbox", { name: "Tag suggestions" });
    expect(list.getAttribute("tabindex")).toBe("-1");
    expect(list.querySelector("[tabindex]:not([tabindex='-1']), button, a[href], input")).toBeNull();
  });
});
