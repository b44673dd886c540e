"use client";
import { Monitor, Moon, Sun } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { useRovingFocus } from "@/components/ui/use-roving-focus";
import { THEME_STORAGE_KEY, type ThemeChoice } from "@/lib/theme";

function readChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

function apply(choice: ThemeChoice): void {
  const dark =
    choice === "dark" || (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  // Switch in one frame: without this, every control with a colour transition fades through grey.
  const freeze = document.createElement("style");
  freeze.textContent = "*,*::before,*::after{transition:none!important}";
  document.head.appendChild(freeze);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
  void getComputedStyle(document.body).color; // apply the new colours while transitions are off
  requestAnimationFrame(() => freeze.remove());
}

export function useTheme(): { choice: ThemeChoice; setChoice: (choice: ThemeChoice) => void } {
  const [choice, setChoiceState] = useState<ThemeChoice>("system");

  useEffect(() => {
    // The stored choice is only readable in the browser; sync once after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setChoiceState(readChoice());
  }, []);

  useEffect(() => {
    if (choice !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => apply("system");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, [choice]);

  const setChoice = useCallback((next: ThemeChoice) => {
    try {
      if (next === "system") localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    apply(next);
    setChoiceState(next);
  }, []);

  return { choice, setChoice };
}

export const THEME_CHOICES = [
  { value: "system", label: "System theme", Icon: Monitor },
  { value: "light", label: "Light theme", Icon: Sun },
  { value: "dark", label: "Dark theme", Icon: Moon },
] as const;

const THEME_VALUES = THEME_CHOICES.map((c) => c.value);

/** Three-way segmented control: system / light / dark. A radio group: one Tab stop, arrows choose. */
export function ThemeToggle({ className }: { className?: string }) {
  const { choice, setChoice } = useTheme();
  const roving = useRovingFocus(THEME_VALUES, { mode: "radio", checked: choice, onSelect: setChoice });
  return (
    <div
      role="radiogroup"
      aria-label="Colour theme"
      {...roving.group}
      className={cn("flex rounded-lg border border-border p-0.5", className)}
    >
      {THEME_CHOICES.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={choice === value}
          {...roving.item(value)}
          aria-label={label}
          title={label}
          onClick={() => setChoice(value)}
          className={cn(
            "rounded-md p-1.5 transition-colors",
            choice === value ? "bg-accent-soft text-accent-strong" : "text-muted hover:text-text",
          )}
        >
          <Icon aria-hidden className="h-4 w-4" />
        </button>
      ))}
    </div>
  );
}
