"use client";
// Better Auth's browser client; same origin, so no baseURL is needed.
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();
