/**
 * The signed-in user on the server (server components, layouts), from the request's session
 * cookie via Better Auth. Null when signed out.
 */
import { headers } from "next/headers";
import { getAuth } from "./auth";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export async function currentUser(): Promise<SessionUser | null> {
  // headers() first: it marks the page dynamic before getAuth() reads secrets, which would
  // otherwise run (and fail) while `next build` tries to prerender the page.
  const requestHeaders = await headers();
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
}
