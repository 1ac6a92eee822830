// The check of a send's URL button values and their mapping to `button_url_params`. Loaded with
// the first send that has buttons; it imports nothing at run time, and is handed what it needs.
import type { TemplateMessage } from "@kapsokit/core";
import type { Check } from "./send-input.js";

/**
 * Checks `{ 0: "track123" }` (positions 0 to 9, as WhatsApp allows 10 buttons; non-empty
 * texts), recording each problem with `check`, and writes `button_url_params` into `message`.
 */
export function addButtons(
  message: TemplateMessage,
  buttons: unknown,
  check: Check,
  isFilled: (value: unknown) => boolean,
): void {
  const given = !!buttons && typeof buttons === "object";
  check(given, "buttons", "buttons");
  // Copied, so a prototype or toJSON cannot change what goes on the wire.
  const entries = given ? Object.entries(buttons) : [];
  for (const [key, value] of entries) {
    check(/^\d$/.test(key), `buttons[${key}]`, "position");
    check(isFilled(value), `buttons[${key}]`, "string");
  }
  if (entries.length) {
    message.button_url_params = Object.fromEntries(entries) as Record<string, string>;
  }
}
