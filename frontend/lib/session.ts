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
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
}
