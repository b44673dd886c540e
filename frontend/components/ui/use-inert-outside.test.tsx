// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { useRef } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { useInertOutside } from "./use-inert-outside";

afterEach(cleanup);

function Page({ open }: { open: boolean }) {
  const modal = useRef<HTMLDivElement>(null);
  useInertOutside(open, [modal]);
  return (
    <>
      <header data-testid="header">
        <button type="button">Menu</button>
      </header>
      <main data-testid="main">
        <p data-testid="before">Tasks</p>
        <section data-testid="holder">
          <div ref={modal} data-testid="modal">
            <button type="button">Close</button>
          </div>
          <p data-testid="beside">beside the modal</p>
        </section>
        <div data-testid="was-hidden" aria-hidden="true" />
        <div data-testid="holds-toasts">
          <p data-testid="next-to-toasts">x</p>
          <div data-testid="toasts" data-above-modals="" />
        </div>
      </main>
    </>
  );
}

const state = (testId: string) => {
  const element = document.querySelector(`[data-testid="${testId}"]`)!;
  return [testId, element.hasAttribute("inert"), element.getAttribute("aria-hidden")];
};

describe("useInertOutside", () => {
  it("makes everything beside the path to the modal inert and aria-hidden, and puts it all back", () => {
    const { rerender } = render(<Page open={false} />);
    const outside = document.body.appendChild(document.createElement("aside"));
    rerender(<Page open />);
    const hidden = ["header", "before", "beside", "next-to-toasts"];
    const untouched = ["main", "holder", "modal", "holds-toasts", "toasts"];
    for (const id of hidden) expect(state(id)).toEqual([id, true, "true"]);
    for (const id of untouched) expect(state(id)).toEqual([id, false, null]);
    expect([outside.hasAttribute("inert"), outside.getAttribute("aria-hidden")]).toEqual([true, "true"]);
    expect(state("was-hidden")).toEqual(["was-hidden", false, "true"]);

    rerender(<Page open={false} />);
    for (const id of [...hidden, ...untouched]) expect(state(id)).toEqual([id, false, null]);
    expect([outside.hasAttribute("inert"), outside.getAttribute("aria-hidden")]).toEqual([false, null]);
    // What was hidden before the modal opened stays hidden.
    expect(state("was-hidden")).toEqual(["was-hidden", false, "true"]);
    outside.remove();
  });

  it("hides what is added to <body> while the modal is open, until it closes", async () => {
    const { rerender, unmount } = render(<Page open />);
    const late = document.body.appendChild(document.createElement("div"));
    await new Promise((resolve) => setTimeout(resolve, 0)); // the mutation observer's turn
    expect([late.hasAttribute("inert"), late.getAttribute("aria-hidden")]).toEqual([true, "true"]);
    rerender(<Page open={false} />);
    expect([late.hasAttribute("inert"), late.getAttribute("aria-hidden")]).toEqual([false, null]);
    rerender(<Page open />);
    unmount();
    expect([late.hasAttribute("inert"), late.getAttribute("aria-hidden")]).toEqual([false, null]);
    late.remove();
  });
});
