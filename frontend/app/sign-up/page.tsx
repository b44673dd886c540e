import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/shell/auth-form";
import { Logo } from "@/components/shell/logo";
import { currentUser } from "@/lib/session";

export const metadata: Metadata = { title: "Sign up" };

export default async function Page() {
  if (await currentUser()) redirect("/tasks");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-8 px-4 py-12">
      <Logo />
      <AuthForm mode="sign-up" />
    </main>
  );
}
