// A recipient's identity in a campaign's records: a hash of what it would be sent (template,
// phone without punctuation, parameters, header, sending number), so a resumed run knows it
// again even when rows moved, and two identical rows are one recipient.
import { createHash } from "node:crypto";

function stable(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stable(record[key])}`).join(",")}}`;
}

/**
 * The key of a recipient: 128 bits of SHA-256, base64url (22 characters).
 *
 * @example
 * ```ts
 * recipientKey(templateId, { to: "+1 (415) 555-0123", parameters: ["Ada"] }) ===
 *   recipientKey(templateId, { to: "+14155550123", parameters: ["Ada"] }); // true
 * ```
 */
export function recipientKey(templateId: string, recipient: { to: string }): string {
  const normalised = { ...recipient, to: recipient.to.replace(/[\s().-]/g, ""), templateId };
  return createHash("sha256").update(stable(normalised)).digest("base64url").slice(0, 22);
}
