"use client";
/** Sign-in and sign-up form (Better Auth), validated with zod before anything is sent. */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { authClient } from "@/lib/auth-client";
import { validationFields } from "@/lib/auth-errors";
import { HOME_PATH, authPageHref } from "@/lib/sign-in-path";

const signInSchema = z.object({
  email: z.email("Enter a valid e-mail address."),
  password: z.string().min(1, "Enter your password."),
});

const NAME_MISSING = "Tell us what to call you.";

const signUpSchema = z.object({
  name: z.string().trim().min(1, NAME_MISSING).max(100, "Keep the name under 100 characters."),
  email: z.email("Enter a valid e-mail address."),
  password: z
    .string()
    .min(8, "Use at least 8 characters.")
    .max(128, "Use at most 128 characters."),
});

type Mode = "sign-in" | "sign-up";
type Errors = Partial<Record<"name" | "email" | "password" | "form", string>>;

/** Better Auth's error codes, in words a person can act on. */
export function authErrorMessage(mode: Mode, error: { code?: string; status?: number; message?: string }): Errors {
  const code = error.code ?? "";
  if (error.status === 429) return { form: "Too many attempts. Wait a minute and try again." };
  if (code.includes("ALREADY_EXISTS"))
    return { email: "An account with this e-mail already exists. Sign in instead?" };
  if (code === "INVALID_EMAIL_OR_PASSWORD" || (mode === "sign-in" && error.status === 401))
    return { form: "Wrong e-mail or password. Check both and try again." };
  if (code === "PASSWORD_TOO_SHORT") return { password: "Use at least 8 characters." };
  if (code === "INVALID_EMAIL") return { email: "Enter a valid e-mail address." };
  // The server's own name check (lib/auth.ts), for a name only it finds blank.
  if (code === "VALIDATION_ERROR" && validationFields(error.message ?? "").name) return { name: NAME_MISSING };
  return { form: error.message || "Something went wrong. Try again." };
}

/** `next`: where to go once signed in or up (a path on this site, checked by the page). */
export function AuthForm({ mode, next = HOME_PATH }: { mode: Mode; next?: string }) {
  const router = useRouter();
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);

  // Loaded with focus nowhere, on <body>: the first Tab would start from the top and a screen
  // reader says nothing. Focus goes to the first field, ready to type in; not away from wherever
  // the reader has put it already, nor from the heading RouteFocus gives a navigation here
  // (signing out), which says the page's name.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) firstField.current?.focus();
  }, []);

  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [name]: event.target.value }));
    setErrors((current) => ({ ...current, [name]: undefined, form: undefined }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = (mode === "sign-up" ? signUpSchema : signInSchema).safeParse(values);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof Errors;
        next[key] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setBusy(true);
    setErrors({});
    const result =
      mode === "sign-up"
        ? await authClient.signUp.email({ name: values.name.trim(), email: values.email, password: values.password })
        : await authClient.signIn.email({ email: values.email, password: values.password });
    if (result.error) {
      setBusy(false);
      setErrors(authErrorMessage(mode, result.error));
      return;
    }
    router.replace(next);
    router.refresh();
  }

  const title = mode === "sign-up" ? "Create your account" : "Welcome back";
  return (
    <div className="w-full max-w-sm rounded-card border border-border bg-surface p-6 shadow-card sm:p-8">
      {/* Where a navigation here puts focus (RouteFocus: after signing out, or from the landing
          page's link), for a screen reader to say the page's name. No Tab stop, so no ring. */}
      <h1 tabIndex={-1} className="text-2xl font-semibold text-text outline-none">
        {title}
      </h1>
      <p className="mt-1 text-sm text-muted">
        {mode === "sign-up" ? "Start organising in under a minute." : "Sign in to see your tasks."}
      </p>
      <form className="mt-6 space-y-4" noValidate onSubmit={(event) => void submit(event)}>
        {mode === "sign-up" && (
          <Field id="name" label="Name" error={errors.name}>
            <input
              ref={firstField}
              id="name"
              name="name"
              autoComplete="name"
              className={inputClass}
              value={values.name}
              onChange={set("name")}
              {...describedBy("name", errors.name)}
            />
          </Field>
        )}
        <Field id="email" label="E-mail" error={errors.email}>
          <input
            ref={mode === "sign-in" ? firstField : undefined}
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            className={inputClass}
            value={values.email}
            onChange={set("email")}
            {...describedBy("email", errors.email)}
          />
        </Field>
        <Field
          id="password"
          label="Password"
          error={errors.password}
          hint={mode === "sign-up" ? "At least 8 characters." : undefined}
        >
          <input
            id="password"
            name="password"
            type="password"
            autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
            className={inputClass}
            value={values.password}
            onChange={set("password")}
            {...describedBy("password", errors.password, mode === "sign-up")}
          />
        </Field>
        {errors.form && (
          <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm font-medium text-danger">
            {errors.form}
          </p>
        )}
        <Button type="submit" variant="primary" className="w-full justify-center" disabled={busy}>
          {busy ? "Please wait…" : mode === "sign-up" ? "Create account" : "Sign in"}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-muted">
        {mode === "sign-up" ? "Already have an account? " : "New here? "}
        <Link
          href={authPageHref(mode === "sign-up" ? "/sign-in" : "/sign-up", next)}
          className="font-semibold text-accent underline-offset-4 hover:underline"
        >
          {mode === "sign-up" ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </div>
  );
}
