import { ListChecks } from "lucide-react";
import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 rounded-md font-semibold text-text">
      <span className="grid h-8 w-8 place-items-center rounded-lg bg-accent text-accent-contrast">
        <ListChecks aria-hidden className="h-5 w-5" />
      </span>
      <span>Todo Platform</span>
    </Link>
  );
}
