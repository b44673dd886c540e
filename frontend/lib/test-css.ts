/**
 * For tests: the CSS Tailwind generates from app/globals.css for the given class names, so a test
 * can check that a class on an element really becomes the rule it is meant to (jsdom applies no
 * stylesheet and evaluates no media query).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { compile } from "@tailwindcss/node";

const root = path.join(import.meta.dirname, "..");

export async function tailwindCss(classes: Iterable<string>): Promise<string> {
  const source = readFileSync(path.join(root, "app/globals.css"), "utf8");
  const compiler = await compile(source, { base: root, onDependency: () => {} });
  return compiler.build([...classes]);
}

/** The class names of `element` and of everything inside it. */
export function classesIn(element: Element): Set<string> {
  const classes = new Set<string>();
  for (const node of [element, ...element.querySelectorAll("[class]")]) {
    for (const name of node.getAttribute("class")?.split(/\s+/) ?? []) if (name) classes.add(name);
  }
  return classes;
}

/**
 * The declarations of the rule for `.className` that sit inside an `@media <query>` block (the
 * media block's text, up to its closing brace), or null.
 */
export function ruleInMedia(css: string, query: string, className: string): string | null {
  const selector = `.${className.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`)}`;
  let at = css.indexOf(`@media ${query}`);
  while (at >= 0) {
    // The media block: from its opening brace to the matching closing one.
    let depth = 0;
    let end = css.indexOf("{", at);
    for (; end < css.length; end++) {
      if (css[end] === "{") depth++;
      else if (css[end] === "}" && --depth === 0) break;
    }
    const block = css.slice(at, end + 1);
    const start = block.indexOf(selector);
    if (start >= 0) return block.slice(start, block.indexOf("}", start) + 1);
    at = css.indexOf(`@media ${query}`, end);
  }
  return null;
}

export const TOUCH_MEDIA = "(hover: none) and (pointer: coarse)";

/**
 * The size in px that `element`'s own classes give it at least, `height` or `width` (from
 * height / min-height, or width / min-width, and size-*), in the generated `css`: with `touch`,
 * from its rules inside the touch media query (a phone), else from its unconditional ones (a
 * desktop). 0 when no class sets it (the size then comes from padding and text alone).
 */
export function minSize(element: Element, css: string, axis: "height" | "width", touch: boolean): number {
  const properties = axis === "height" ? ["height", "min-height"] : ["width", "min-width"];
  let best = 0;
  for (const name of element.getAttribute("class")?.split(/\s+/) ?? []) {
    if (!name || name.startsWith("touch:") !== touch) continue;
    if (!touch && name.includes(":")) continue; // another variant (sm:, hover:, …)
    const selector = `.${name.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`)}`;
    const rule = touch ? ruleInMedia(css, TOUCH_MEDIA, name) : unconditionalRule(css, selector);
    if (!rule) continue;
    for (const property of properties) {
      const match = new RegExp(`(?:^|[\\s{;])${property}: calc\\(var\\(--spacing\\) \\* ([\\d.]+)\\)`).exec(rule);
      if (match) best = Math.max(best, Number(match[1]) * 4);
    }
  }
  return best;
}

/**
 * The declarations (`property: value`) that `element`'s own classes without a variant (no sm:,
 * hover:, touch:) give it in the generated `css`, in class order.
 */
export function ownDeclarations(element: Element, css: string): string[] {
  const found: string[] = [];
  for (const name of element.getAttribute("class")?.split(/\s+/) ?? []) {
    if (!name || name.includes(":")) continue;
    const rule = unconditionalRule(css, `.${name.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`)}`);
    const body = rule?.slice(rule.indexOf("{") + 1, rule.lastIndexOf("}")) ?? "";
    found.push(...body.split(";").map((part) => part.trim()).filter(Boolean));
  }
  return found;
}

function unconditionalRule(css: string, selector: string): string | null {
  const utilities = css.slice(css.indexOf("@layer utilities"));
  const at = utilities.indexOf(`\n  ${selector} {`);
  return at < 0 ? null : utilities.slice(at, utilities.indexOf("}", at) + 1);
}
