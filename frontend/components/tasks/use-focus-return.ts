import { useRef, type FocusEvent } from "react";

/**
 * Leaving a field with Escape: focus goes back where it came from (a task row, the search box),
 * else to the page's <main id="main">, never to the body (the next Tab would start from the top).
 * Focus coming from the field's own controls (`own(field)`: quick-add's chips, the search box's
 * Clear button) does not count. Spread `onFocus` on the field; call `leave(field)` on Escape.
 */
export function useFocusReturn(own: (field: HTMLInputElement) => Element | null | undefined) {
  const cameFrom = useRef<HTMLElement | null>(null);
  return {
    onFocus: (event: FocusEvent<HTMLInputElement>) => {
      const from = event.relatedTarget instanceof HTMLElement ? event.relatedTarget : null;
      if (!(from && own(event.currentTarget)?.contains(from))) cameFrom.current = from;
    },
    leave: (field: HTMLInputElement) => {
      const back = cameFrom.current;
      const to = back?.isConnected ? back : document.getElementById("main");
      if (to) to.focus();
      else field.blur();
    },
  };
}
