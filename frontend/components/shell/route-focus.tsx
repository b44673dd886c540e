"use client";
/**
 * Focus after a client navigation that took the focused element away with the old page (signing
 * in, signing out): it would fall to the body, where a screen reader says nothing and the next Tab
 * starts from the top. It goes to the new page's main region when that is a focus target (#main,
 * the skip link's), else to its heading: after signing out, the sign-in page's "Welcome back",
 * which says the page's name (the e-mail field is the next Tab stop). Focus that is still
 * somewhere (a nav link in the app bar that stays) is left alone, and so is a page load, where
 * AuthForm puts focus in its first field. Rendered before the page (app/providers.tsx), so its
 * effect runs before the page's own: AuthForm finds focus on the heading and leaves it there
 * (app/providers.test.tsx, with the real sign-in page).
 */
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export function RouteFocus() {
  const pathname = usePathname();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const target = document.getElementById("main") ?? document.querySelector<HTMLElement>("h1");
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
    target.focus();
  }, [pathname]);
  return null;
}
