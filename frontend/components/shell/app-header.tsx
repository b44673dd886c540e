"use client";
/**
 * The app bar: navigation, the notification bell and assistant launcher (slots), theme, user
 * menu; under it, while the browser is offline, the offline banner.
 */
import { usePopoverDismiss } from "@/components/ui/use-popover-dismiss";
import { CheckSquare, LayoutDashboard, LogOut } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useId, useRef, useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { cn } from "@/components/ui/cn";
import { Logo } from "./logo";
import { OfflineBanner } from "./offline-banner";
import { ThemeToggle } from "./theme-toggle";

const nav = [
  { href: "/tasks", label: "Tasks", Icon: CheckSquare },
  { href: "/dashboard", label: "Dashboard", Icon: LayoutDashboard },
] as const;

export interface ShellUser {
  name: string;
  email: string;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

function UserMenu({ user }: { user: ShellUser }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const router = useRouter();
  const queryClient = useQueryClient();

  usePopoverDismiss(open, () => setOpen(false), [root], button);

  async function signOut() {
    setBusy(true);
    // Loaded on demand: the auth client is only needed here, not on every page's first load.
    const { authClient } = await import("@/lib/auth-client");
    await authClient.signOut();
    queryClient.clear();
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
        className="grid h-10 w-10 place-items-center rounded-full bg-accent-soft text-sm font-semibold text-accent-strong hover:ring-2 hover:ring-border-strong"
      >
        <span aria-hidden="true">{initials(user.name)}</span>
        <span className="sr-only">Account menu for {user.name}</span>
      </button>
      {open && (
        <div
          id={menuId}
          className="absolute right-0 z-40 mt-2 w-64 rounded-card border border-border bg-surface p-2 shadow-card"
        >
          <div className="px-3 py-2">
            <p className="truncate text-sm font-semibold text-text">{user.name}</p>
            <p className="truncate text-xs text-muted">{user.email}</p>
          </div>
          <div className="flex items-center justify-between gap-2 border-t border-border px-3 py-2">
            <span className="text-sm text-muted">Theme</span>
            <ThemeToggle />
          </div>
          <button
            type="button"
            onClick={() => void signOut()}
            disabled={busy}
            className="flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left text-sm font-medium text-text hover:bg-surface-2"
          >
            <LogOut aria-hidden className="h-4 w-4" /> {busy ? "Signing out…" : "Sign out"}
          </button>
        </div>
      )}
    </div>
  );
}

export function AppHeader({ user, bell, assistant }: { user: ShellUser; bell: ReactNode; assistant: ReactNode }) {
  const pathname = usePathname();
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-surface">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
        <Logo href="/tasks" nameClassName="hidden md:inline" />
        <nav aria-label="Main" className="flex items-center gap-1">
          {nav.map(({ href, label, Icon }) => {
            const active = pathname === href || pathname.startsWith(`${href}/`);
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
  );
}
