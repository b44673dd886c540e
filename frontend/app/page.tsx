import AuthPanel from "./auth-panel";

export default function Home() {
  return (
    <main className="mx-auto flex min-h-screen max-w-5xl flex-col items-center justify-center gap-10 px-6 py-16 md:flex-row md:gap-16">
      <section className="max-w-md text-center text-white md:text-left">
        <p className="text-sm font-semibold uppercase tracking-widest text-brand-200">Todo Platform</p>
        <h1 className="mt-3 text-4xl font-bold leading-tight md:text-5xl">Your tasks, in order.</h1>
        <p className="mt-4 text-lg text-brand-100">
          Plan by hand or just tell the assistant. Recurring tasks, reminders and tags, kept in sync
          everywhere.
        </p>
      </section>
      <AuthPanel />
    </main>
  );
}
