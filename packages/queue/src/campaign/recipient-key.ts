// A recipient's identity in a campaign's records: the key the client's bulk engine gives it
// in its journal (a hash of what it would be sent: template, phone without punctuation,
// parameters, header, sending number), so a resumed run knows it again even when rows moved,
// and two identical rows are one recipient.
import { recipientKey as journalKey } from "@kapsokit/client/internal";
import { normalisePhone } from "@kapsokit/core/internal";

/**
 * The key of a recipient of a campaign.
 *
 * @example
 * ```ts
 * recipientKey(templateId, { to: "+1 (415) 555-0123", parameters: ["Ada"] }) ===
 *   recipientKey(templateId, { to: "+14155550123", parameters: ["Ada"] }); // true
 * ```
 */
export function recipientKey(templateId: string, recipient: { to: string }): string {
  return journalKey({ ...recipient, templateId, to: normalisePhone(recipient.to) });
}
