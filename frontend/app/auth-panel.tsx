"use client";

import { useCallback, useEffect, useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth-client";

type Mode = "sign-in" | "sign-up";
type TasksState = { kind: "loading" } | { kind: "ok"; count: number } | { kind: "error"; message: string };

const inputClass =
  "w-full rounded-lg border border-brand-200 bg-white px-3 py-2 text-ink outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-200";
const primaryButton =
  "w-full rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white transition hover:bg-brand-700 disabled:opacity-60";

function TasksSummary() {
  const [state, setState] = useState<TasksState>({ kind: "loading" });

  useEffect(() => {
    let cancelled = false;
    fetch("/api/tasks", { headers: { accept: "application/json" }, cache: "no-store" })
      .then(async (response) => {
        const body: unknown = await response.json().catch(() => null);
        if (cancelled) return;
        if (response.ok && body && typeof body === "object" && Array.isArray((body as { items?: unknown }).items)) {
          setState({ kind: "ok", count: (body as { items: unknown[] }).items.length });
        } else {
          const message = (body as { error?: { message?: string } } | null)?.error?.message;
          setState({
            kind: "error",
            message: message ?? (response.ok ? "unexpected answer from /api/tasks" : `HTTP ${response.status}`),
          });
        }
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: "error", message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  if (state.kind === "loading") return <p className="text-muted">Loading your tasks…</p>;
  if (state.kind === "error") return <p className="text-danger">Tasks unavailable: {state.message}</p>;
  return (
    <p className="text-ink">
      You have <strong>{state.count}</strong> open {state.count === 1 ? "task" : "tasks"}.
    </p>
  );
}

export default function AuthPanel() {
  const { data: session, isPending } = authClient.useSession();
  const [mode, setMode] = useState<Mode>("sign-up");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      setBusy(true);
      setError(null);
      const result =
        mode === "sign-up"
          ? await authClient.signUp.email({ name, email, password })
          : await authClient.signIn.email({ email, password });
      setBusy(false);
      if (result.error) setError(result.error.message ?? "Something went wrong.");
      else setPassword("");
    },
    [mode, name, email, password],
  );

  const card = "w-full max-w-sm rounded-card bg-surface p-8 shadow-2xl shadow-brand-900/40";

  if (isPending) {
    return (
      <div className={card}>
        <p className="text-muted">Loading…</p>
      </div>
    );
  }

  if (session) {
    return (
      <div className={card}>
        <p className="text-sm text-muted">Signed in as</p>
        <p className="mt-1 text-2xl font-semibold text-brand-700">{session.user.name}</p>
        <div className="mt-6 rounded-lg bg-brand-50 p-4">
          <TasksSummary />
        </div>
        <button
          type="button"
          className="mt-6 w-full rounded-lg border border-brand-300 px-4 py-2 font-semibold text-brand-700 transition hover:bg-brand-50"
          onClick={() => void authClient.signOut()}
        >
          Sign out
        </button>
      </div>
    );
  }

  return (
    <div className={card}>
      <div className="mb-6 grid grid-cols-2 rounded-lg bg-brand-50 p-1 text-sm font-semibold">
        {(["sign-up", "sign-in"] as const).map((m) => (
          <button
            key={m}
            type="button"
            onClick={() => {
              setMode(m);
              setError(null);
            }}
            className={`rounded-md px-3 py-2 transition ${mode === m ? "bg-white text-brand-700 shadow" : "text-muted"}`}
          >
            {m === "sign-up" ? "Create account" : "Sign in"}
          </button>
        ))}
      </div>
      <form className="space-y-4" onSubmit={(event) => void submit(event)}>
        {mode === "sign-up" && (
          <label className="block text-sm font-medium text-ink">
            Name
            <input
              className={`${inputClass} mt-1`}
              name="name"
              autoComplete="name"
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
        )}
        <label className="block text-sm font-medium text-ink">
          Email
          <input
            className={`${inputClass} mt-1`}
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="block text-sm font-medium text-ink">
          Password
          <input
            className={`${inputClass} mt-1`}
            type="password"
            name="password"
            autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
            minLength={8}
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        )}
        <button type="submit" className={primaryButton} disabled={busy}>
          {busy ? "Please wait…" : mode === "sign-up" ? "Create account" : "Sign in"}
        </button>
      </form>
    </div>
  );
}
