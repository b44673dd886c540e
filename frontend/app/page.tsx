import { Bell, Bot, CalendarClock, Repeat, Sparkles } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/shell/logo";
import { currentUser } from "@/lib/session";

const features = [
  { Icon: Sparkles, title: "Type it, done", text: "“Pay rent every month on the 1st #Finance !high” fills in every field." },
  { Icon: Repeat, title: "Recurring, reliably", text: "Complete one and the next appears, on the day it should." },
  { Icon: Bell, title: "Reminders that arrive", text: "In the app and as browser notifications, right on time." },
  { Icon: Bot, title: "An assistant", text: "Ask it to plan your week, move deadlines or tidy up tags." },
];

export default async function Home() {
  if (await currentUser()) redirect("/tasks");
  return (
    <div className="min-h-screen">
      <header className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-5 sm:px-6">
        <Logo nameClassName="hidden min-[400px]:inline" />
        <nav aria-label="Account" className="flex items-center gap-1 whitespace-nowrap text-sm sm:gap-2">
          <Link href="/sign-in" className="rounded-lg px-3 py-2 font-medium text-text hover:bg-surface-2">
            Sign in
          </Link>
          <Link
            href="/sign-up"
            className="rounded-lg bg-accent px-3 py-2 font-semibold text-accent-contrast hover:bg-accent-hover"
          >
            Get started
          </Link>
        </nav>
      </header>
      <main className="mx-auto max-w-5xl px-4 pb-20 pt-10 sm:px-6 sm:pt-16">
        <section className="max-w-2xl">
          <p className="inline-flex items-center gap-2 rounded-full bg-accent-soft px-3 py-1 text-sm font-medium text-accent-strong">
            <CalendarClock aria-hidden className="h-4 w-4" /> Tasks, reminders and an assistant
          </p>
          <h1 className="mt-5 text-4xl font-bold leading-tight tracking-tight text-text sm:text-5xl">
            Your tasks, in order.
          </h1>
          <p className="mt-4 text-lg text-muted">
            Plan by hand or just tell the assistant. Recurring tasks, reminders and tags, kept in sync everywhere.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              href="/sign-up"
              className="rounded-lg bg-accent px-5 py-3 font-semibold text-accent-contrast shadow-card hover:bg-accent-hover"
            >
              Create a free account
            </Link>
            <Link
              href="/sign-in"
              className="rounded-lg border border-border bg-surface px-5 py-3 font-semibold text-text hover:bg-surface-2"
            >
              I have an account
            </Link>
          </div>
        </section>
        <ul className="mt-16 grid gap-4 sm:grid-cols-2">
          {features.map(({ Icon, title, text }) => (
            <li key={title} className="rounded-card border border-border bg-surface p-5 shadow-card">
              <Icon aria-hidden className="h-6 w-6 text-accent" />
              <h2 className="mt-3 font-semibold text-text">{title}</h2>
              <p className="mt-1 text-sm text-muted">{text}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
