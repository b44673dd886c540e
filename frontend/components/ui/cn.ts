/** Joins class names, skipping falsy ones: the app's one `cn()`. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
