"use client";
/**
 * Focus after a client navigation that took the focused element away with the old page (signing
 * in, signing out): it would fall to the body, where a screen reader says nothing and the next Tab
 * starts from the top. It goes to the new page's heading, which says the page's name: after
 * signing in or up, "Tasks" (in the main region, #main; <main> itself said only "main"), after
 * signing out, the sign-in page's "Welcome back" (the e-mail field is the next Tab stop). A page
 * whose heading comes a moment later (the Tasks screen reads its saved view first) has focus on
 * its main region until then, and on the heading once it comes, unless the reader has moved on.
 * Focus that is still somewhere (a nav link in the app bar that stays) is left alone, and so is
 * a page load, where AuthForm puts focus in its first field. Rendered before the page
 * (app/providers.tsx), so its effect runs before the page's own: AuthForm finds focus on the
 * heading and leaves it there (app/providers.test.tsx, with the real sign-in page). The headings
 * and <main> are no Tab stops and show no focus ring (tabIndex -1, outline-none).
 */
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** How long a page's heading may take to come before focus stays on its main region. */
const HEADING_WAIT_MS = 3000;

function focusTarget(element: HTMLElement) {
  if (!element.hasAttribute("tabindex")) element.tabIndex = -1;
  element.focus();
}

export function RouteFocus() {
  const pathname = usePathname();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const main = document.getElementById("main");
    const heading = () => (main ?? document).querySelector<HTMLElement>("h1");
    const found = heading();
    if (found || !main) {
      if (found) focusTarget(found);
      return;
    }
    focusTarget(main);
    const observer = new MutationObserver(() => {
      const late = heading();
      if (!late) return;
      observer.disconnect();
      if (document.activeElement === main) focusTarget(late);
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname]);
  return null;
}
