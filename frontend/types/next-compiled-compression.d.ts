// The `compression` middleware as Next.js ships it (next/dist/compiled/compression, the one
// `next start` runs); used by lib/forward-node.ts so that its answers are compressed alike.
declare module "next/dist/compiled/compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export default function compression(): (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}
