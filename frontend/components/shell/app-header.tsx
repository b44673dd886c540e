"use client";
/**
 * The app bar: navigation, the notification bell and assistant launcher (slots), theme, user
 * menu; under it, while the browser is offline, the offline banner. On every signed-in screen,
 * so it holds the one "?" shortcuts dialog (KeyboardShortcuts) and the keys to each screen (g t, g d).
 */
import { useCloseOnFocusOut, usePopoverDismiss } from "@/components/ui/use-popover-dismiss";
import { CheckSquare, LayoutDashboard, LogOut } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { cn } from "@/components/ui/cn";
import { Logo } from "./logo";
import { OfflineBanner } from "./offline-banner";
import { KeyboardShortcuts } from "./shortcuts-dialog";
import { THEME_CHOICES, ThemeToggle, useTheme } from "./theme-toggle";
import { useHotkeys } from "@/lib/keyboard";
import type { ThemeChoice } from "@/lib/theme";

/** The screens, and the keys that go to each (g, then the letter; listed in the "?" dialog). */
const nav = [
  { href: "/tasks", label: "Tasks", Icon: CheckSquare, keys: "g t" },
  { href: "/dashboard", label: "Dashboard", Icon: LayoutDashboard, keys: "g d" },
] as const;

const onScreen = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/**
 * g then t: Tasks, g then d: the Dashboard (as their links do; nothing on the screen itself). The
 * screen is the address's when the key comes: just after a navigation the rendered pathname can
 * still be the last screen's ("g d", then at once "g t" did nothing).
 */
function useGoToKeys() {
  const router = useRouter();
  const goTo = (href: string) => () => {
    if (!onScreen(window.location.pathname, href)) router.push(href);
  };
  useHotkeys(Object.fromEntries(nav.map(({ href, keys }) => [keys, goTo(href)])));
}

export interface ShellUser {
  name: string;
  email: string;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

/**
 * The account menu, a WAI-ARIA menu button: opening it (click, Enter, Space, ArrowDown) puts focus
 * on its first item (ArrowUp: its last); ArrowDown / ArrowUp move between the items (wrapping),
 * Home / End go to the first / last, a letter to the next item starting with it; Escape closes it
 * and gives focus back to the button; Tab and Shift+Tab close it as focus leaves. No key inside
 * it reaches the page's shortcuts (the task list's arrows, "n").
 */
function UserMenu({ user }: { user: ShellUser }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  // Which item takes focus when the menu opens.
  const focusOnOpen = useRef<"first" | "last">("first");
  const menuId = useId();
  const whoId = useId();
  const themeLabelId = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { choice, setChoice } = useTheme();

  usePopoverDismiss(open, () => setOpen(false), [root], button);
  const closeOnFocusOut = useCloseOnFocusOut(open, root, setOpen);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    const all = items();
    (focusOnOpen.current === "last" ? all[all.length - 1] : all[0])?.focus();
  }, [open]);

  function openMenu(at: "first" | "last") {
    focusOnOpen.current = at;
    setOpen(true);
  }

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  async function signOut() {
    setBusy(true);
    // Loaded on demand: the auth client is only needed here, not on every page's first load.
    const { authClient } = await import("@/lib/auth-client");
    await authClient.signOut();
    queryClient.clear();
    router.replace("/sign-in");
    router.refresh();
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    if (open) items()[event.key === "ArrowDown" ? 0 : items().length - 1]?.focus();
    else openMenu(event.key === "ArrowDown" ? "first" : "last");
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (event.key === "ArrowDown") next = (at + 1) % all.length;
    else if (event.key === "ArrowUp") next = (at - 1 + all.length) % all.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = all.length - 1;
    else if (event.key === " " && all[at]?.getAttribute("role") === "menuitemradio") {
      // Space picks a theme and leaves the menu open (Enter picks it and closes, as a click does).
      event.preventDefault();
      setChoice(all[at].dataset.theme as ThemeChoice);
      return;
    } else if (event.key.length === 1 && event.key !== " ") {
      // Type-ahead: the next item whose name starts with the letter.
      const letter = event.key.toLowerCase();
      const names = all.map((item) => (item.getAttribute("aria-label") ?? item.textContent ?? "").trim().toLowerCase());
      for (let step = 1; step <= all.length; step++) {
        const candidate = (at + step) % all.length;
        if (names[candidate].startsWith(letter)) {
          next = candidate;
          break;
        }
      }
      event.preventDefault(); // no page shortcut ("n", "/", "x") while the menu is open
    }
    if (next === null) return;
    event.preventDefault();
    all[next]?.focus();
  }

  return (
    <div
      ref={root}
      className="relative"
      // Tab / Shift+Tab out of the menu (or focus moved anywhere else) closes it.
      onBlur={closeOnFocusOut}
    >
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : openMenu("first"))}
        onKeyDown={onButtonKeyDown}
        className="grid h-10 w-10 place-items-center rounded-full bg-accent-soft text-sm font-semibold text-accent-strong hover:ring-2 hover:ring-border-strong"
      >
        <span aria-hidden="true">{initials(user.name)}</span>
        <span className="sr-only">Account menu for {user.name}</span>
      </button>
      {open && (
        <div className="absolute right-0 z-40 mt-2 w-64 rounded-card border border-border bg-surface p-2 shadow-card">
          <div id={whoId} className="px-3 py-2">
            <p className="truncate text-sm font-semibold text-text">{user.name}</p>
            <p className="truncate text-xs text-muted">{user.email}</p>
          </div>
          <div
            ref={menu}
            id={menuId}
            role="menu"
            aria-label="Account"
            aria-describedby={whoId}
            onKeyDown={onMenuKeyDown}
          >
            <div role="none" className="flex items-center justify-between gap-2 border-t border-border px-3 py-2">
              <span id={themeLabelId} aria-hidden="true" className="text-sm text-muted">
                Theme
              </span>
              <div role="group" aria-labelledby={themeLabelId} className="flex rounded-lg border border-border p-0.5">
                {THEME_CHOICES.map(({ value, label, Icon }) => (
                  <button
                    key={value}
                    type="button"
                    role="menuitemradio"
                    tabIndex={-1}
                    aria-checked={choice === value}
                    aria-label={label}
                    title={label}
                    data-theme={value}
                    onClick={() => {
                      setChoice(value);
                      close();
                    }}
                    className={cn(
                      "rounded-md p-1.5 transition-colors touch:p-2.5",
                      choice === value ? "bg-accent-soft text-accent-strong" : "text-muted hover:text-text",
                    )}
                  >
                    <Icon aria-hidden className="h-4 w-4" />
                  </button>
                ))}
              </div>
            </div>
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => void signOut()}
              disabled={busy}
              className="flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left text-sm font-medium text-text hover:bg-surface-2 focus-visible:bg-surface-2 touch:min-h-11"
            >
              <LogOut aria-hidden className="h-4 w-4" /> {busy ? "Signing out…" : "Sign out"}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

export function AppHeader({ user, bell, assistant }: { user: ShellUser; bell: ReactNode; assistant: ReactNode }) {
  const pathname = usePathname();
  useGoToKeys();
  return (
    <>
      <header className="sticky top-0 z-30 border-b border-border bg-surface">
        <div className="mx-auto flex h-16 max-w-6xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
          <Logo href="/tasks" nameClassName="hidden md:inline" />
          <nav aria-label="Main" className="flex items-center gap-1">
            {nav.map(({ href, label, Icon }) => {
              const active = onScreen(pathname, href);
              return (
                <Link
                  key={href}
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "inline-flex h-10 items-center gap-2 rounded-lg px-2.5 text-sm font-medium transition-colors sm:px-3",
                    active ? "bg-accent-soft text-accent-strong" : "text-muted hover:bg-surface-2 hover:text-text",
                  )}
                >
                  <Icon aria-hidden className="h-4 w-4" />
                  <span className="sr-only sm:not-sr-only">{label}</span>
                </Link>
              );
            })}
          </nav>
          <div className="ml-auto flex items-center gap-1.5 sm:gap-2">
            {assistant}
            {bell}
            <ThemeToggle className="hidden md:flex" />
            <UserMenu user={user} />
          </div>
        </div>
        <OfflineBanner />
      </header>
      {/* Outside the sticky header's stacking context: the dialog covers the page. */}
      <KeyboardShortcuts pathname={pathname} />
    </>
  );
}
