import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AssistantPanel } from "@/components/assistant/assistant-panel";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { AppHeader } from "@/components/shell/app-header";
import { currentUser } from "@/lib/session";
import { RETURN_PATH_HEADER, safeReturnPath, signInPath } from "@/lib/sign-in-path";

/**
 * Every signed-in screen: the session is checked here, on the server, before anything renders.
 * Signed out, the reader goes to sign in and comes back to the page they asked for (its path and
 * query, from proxy.ts).
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect(signInPath(safeReturnPath((await headers()).get(RETURN_PATH_HEADER))));
  return (
    <>
      <a
        href="#main"
        className="fixed left-3 top-3 z-50 -translate-y-[200%] rounded-lg bg-accent px-4 py-2 font-semibold text-accent-contrast shadow-card focus:translate-y-0"
      >
        Skip to content
      </a>
      <AppHeader user={{ name: user.name, email: user.email }} bell={<NotificationBell />} assistant={<AssistantPanel />} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-3 pb-24 pt-4 outline-none sm:px-6 sm:pt-6">
        {children}
      </main>
    </>
  );
}
