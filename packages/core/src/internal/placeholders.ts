// The one placeholder pattern of kapsokit. WhatsApp names a placeholder with digits
// (`{{1}}`) or with lower-case letters, digits and underscores (`{{customer_name}}`).
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * The distinct placeholders of a template text, in order of first appearance.
 *
 * @example
 * ```ts
 * placeholders("Hi {{1}}, see you {{2}}. Bye {{1}}"); // ["1", "2"]
 * ```
 */
export function placeholders(text: string | undefined): string[] {
  return [...new Set(Array.from((text ?? "").matchAll(PLACEHOLDER), (m) => m[1] as string))];
}

/**
 * Splits a template text into literal text and placeholders, in order: what a renderer fills in.
 *
 * @example
 * ```ts
 * splitPlaceholders("Hi {{1}}!"); // ["Hi ", { name: "1" }, "!"]
 * ```
 */
export function splitPlaceholders(text: string): (string | { name: string })[] {
  const parts: (string | { name: string })[] = [];
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > at) {
      parts.push(text.slice(at, match.index));
    }
    parts.push({ name: match[1] as string });
    at = match.index + match[0].length;
  }
  if (at < text.length) {
    parts.push(text.slice(at));
  }
  return parts;
}
