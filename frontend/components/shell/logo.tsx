import { ListChecks } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** The mark and the name; `nameClassName` hides the name where space is short (it stays the link's label). */
export function Logo({ href = "/", nameClassName }: { href?: string; nameClassName?: string }) {
  return (
    <Link
      href={href}
      aria-label="Todo Platform, home"
      className="inline-flex items-center gap-2 whitespace-nowrap rounded-md font-semibold text-text"
    >
      <span className="grid h-8 w-8 place-items-center rounded-lg bg-accent text-accent-contrast">
        <ListChecks aria-hidden className="h-5 w-5" />
      </span>
      <span aria-hidden className={cn(nameClassName)}>
        Todo Platform
      </span>
    </Link>
  );
}
