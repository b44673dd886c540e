/**
 * Light/dark theme: "system" (the default) follows prefers-color-scheme; "light" and "dark" are
 * the user's explicit choice, kept in localStorage. The `dark` class on <html> is what the CSS
 * tokens (app/globals.css) switch on; THEME_SCRIPT sets it before the first paint;
 * the toggle is components/shell/theme-toggle.tsx.
 */
export type ThemeChoice = "system" | "light" | "dark";
export const THEME_STORAGE_KEY = "todo.theme";

/** Inlined into <head>: runs before paint so a dark page never flashes light. */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)});var d=t==="dark"||(t!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var e=document.documentElement;e.classList.toggle("dark",d);e.style.colorScheme=d?"dark":"light"}catch(_){}})();`;
