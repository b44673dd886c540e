import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/shell/auth-form";
import { Logo } from "@/components/shell/logo";
import { currentUser } from "@/lib/session";
import { safeReturnPath } from "@/lib/sign-in-path";

export const metadata: Metadata = { title: "Sign up" };

/** `?next=<path>`: where to go once signed up (carried over from the sign-in page's link). */
export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-8 px-4 py-12">
      <Logo />
      <AuthForm mode="sign-up" next={next} />
    </main>
  );
}
