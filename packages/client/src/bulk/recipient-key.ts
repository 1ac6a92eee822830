// A recipient's identity in the journal: a hash of its content, so a resumed run recognises
// it even when the input was reordered or other rows were added or removed.

function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") {
    return JSON.stringify(value) ?? "undefined";
  }
  if (Array.isArray(value)) {
    return `[${value.map(stableStringify).join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`).join(",")}}`;
}

/**
 * cyrb53: a fast 53-bit string hash. Two seeds give 106 bits, so a million recipients
 * collide with a chance far below one in a trillion. Not cryptographic, and need not be.
 */
export function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const base36 = (hash: number) => hash.toString(36).padStart(11, "0");

/**
 * The journal key of a recipient: a hash of its content with object keys sorted.
 *
 * @example
 * ```ts
 * recipientKey({ to: "+14155550123", parameters: ["Ada"] }); // "0k3…"
 * ```
 */
export function recipientKey(recipient: unknown): string {
  const text = stableStringify(recipient);
  return base36(cyrb53(text, 1)) + base36(cyrb53(text, 2));
}
