/**
 * Whether the browser is online, as TanStack Query sees it (onlineManager: the window's
 * online/offline events). While it is not, queries and mutations wait instead of failing, and
 * are sent when it is back.
 */
import { onlineManager } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange);
const isOnline = () => onlineManager.isOnline();
// On the server, and in the first render of a hydrating page: online (nothing to say).
const onServer = () => true;

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnline, onServer);
}
