// Keeps the API key out of everything a server may echo back: error messages, bodies and
// headers, and log lines. A server that quotes part of the key (`Invalid API key Q9xZ7vK2…`)
// gets that part redacted too: any run of 8 or more of the key's characters. A key shorter
// than that is redacted only where it stands on its own, so a test key `k` leaves `kapso:` be.

/** What replaces the key, or a part of it, wherever it is found. */
export const REDACTED = "[redacted]";

/** The shortest run of the key's characters that counts as a leak. */
const RUN = 8;

/** Removes an API key from texts, values and headers. */
export interface Redactor {
  /** The text with every run of the key's characters replaced. */
  text(text: string): string;
  /** A copy of a JSON-like value with its strings redacted, or the value itself when clean. */
  value<T>(value: T): T;
  /** A copy of the headers with their values redacted, or the headers themselves when clean. */
  headers(headers: Headers): Headers;
}

const WORD = /[\w-]/;

/** The [start, end) ranges of `text` that leak `key`. */
function leaks(text: string, key: string): [number, number][] {
  const found: [number, number][] = [];
  if (key.length < RUN) {
    // Whole, free-standing occurrences only.
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
      if (!WORD.test(text[at - 1] ?? "") && !WORD.test(text[at + key.length] ?? "")) {
        found.push([at, at + key.length]);
      }
    }
  } else {
    // Every RUN-long piece of the key, wherever it stands; overlapping pieces join up below.
    for (let i = 0; i + RUN <= key.length; i++) {
      const piece = key.slice(i, i + RUN);
      for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
        found.push([at, at + RUN]);
      }
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/**
 * A redactor for one API key.
 *
 * @example
 * ```ts
 * const redact = createRedactor("Q9xZ7vK2mW4pR8tY");
 * redact.text("Invalid API key Q9xZ7vK2mW4p..."); // "Invalid API key [redacted]..."
 * ```
 */
export function createRedactor(key: string): Redactor {
  const text = (input: string): string => {
    if (!key || input.length < Math.min(key.length, RUN)) {
      return input;
    }
    let out = "";
    let at = 0;
    let end = -1;
    for (const [from, to] of leaks(input, key)) {
      if (from > end) {
        if (end >= 0) {
          out += REDACTED;
        }
        out += input.slice(at, from);
      }
      end = Math.max(end, to);
      at = end;
    }
    return end < 0 ? input : out + REDACTED + input.slice(at);
  };

  const value = <T>(input: T): T => {
    if (typeof input === "string") {
      return text(input) as T;
    }
    if (!input || typeof input !== "object") {
      return input;
    }
    let changed = false;
    const copy = (Array.isArray(input) ? [] : {}) as Record<string, unknown>;
    for (const [name, inner] of Object.entries(input)) {
      const clean = value(inner);
      const cleanName = text(name);
      changed ||= clean !== inner || cleanName !== name;
      copy[cleanName] = clean;
    }
    return changed ? (copy as T) : input;
  };

  const headers = (input: Headers): Headers => {
    let copy: Headers | undefined;
    input.forEach((inner, name) => {
      const clean = text(inner);
      if (clean !== inner) {
        copy ??= new Headers(input);
        copy.set(name, clean);
      }
    });
    return copy ?? input;
  };

  return { text, value, headers };
}
