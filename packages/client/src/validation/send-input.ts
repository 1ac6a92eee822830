// The check of a send's input, and its mapping to the API's wire shape. It runs on every
// send, so it records each problem as a short code; the words for the codes are loaded only
// when a send is refused (see issue-messages.ts).
import type { TemplateMessage } from "@kapsokit/core";
import { E164, normalisePhone } from "@kapsokit/core/internal";
import type { IssueCode } from "./issue-messages.js";

type Input = Record<string, unknown>;

/** One problem: where it is, what is wrong, and for some codes a word to say it with. */
export type Issue = [path: string, code: IssueCode, detail?: string];

/** Records a problem unless `ok`. */
export type Check = (ok: unknown, path: string, code: IssueCode, detail?: string) => void;

const isObject = (value: unknown): value is Input => !!value && typeof value === "object";

/** Whether a value is a string with more than white space in it. */
export const isFilled = (value: unknown): value is string => typeof value === "string" && !!value.trim();

/** Whether a value is a UUID, the API's id format. */
export const isUuid = (value: unknown): value is string =>
  typeof value === "string" && /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i.test(value);

/**
 * Checks a send's input and maps it to the API's wire shape; `issues` lists every problem
 * (and `message` is then not to be sent). The phone number is normalised to E.164. The header
 * and the URL buttons are checked apart (see header-input.ts and buttons-input.ts): `header`
 * and `buttons` are handed back for that.
 */
export function toTemplateMessage(
  templateId: unknown,
  input: unknown,
): { message: TemplateMessage; issues: Issue[]; header: unknown; buttons: unknown; check: Check } {
  const issues: Issue[] = [];
  const check: Check = (ok, path, code, detail) => ok || issues.push([path, code, detail]);
  const { to, parameters, header, buttons, whatsappConfigId, customerId, ...unknown } = (
    isObject(input) ? input : {}
  ) as Input;
  check(isObject(input), "input", "object");
  for (const key in unknown) {
    check(unknown[key] === undefined, key, "field");
  }
  const uuid = (path: string, value: unknown) => check(value === undefined || isUuid(value), path, "uuid");
  uuid("templateId", templateId ?? 0);
  uuid("whatsappConfigId", whatsappConfigId);
  uuid("customerId", customerId);

  const phone = typeof to === "string" ? normalisePhone(to) : "";
  check(E164.test(phone), "to", "phone");
  const message: TemplateMessage = { phone_number: phone };

  if (parameters !== undefined) {
    const positional = Array.isArray(parameters);
    check(isObject(parameters), "parameters", "parameters");
    // Copy, so holes, prototypes and toJSON cannot change what goes on the wire.
    const entries = isObject(parameters) ? Object.entries(positional ? [...parameters] : parameters) : [];
    for (const [key, value] of entries) {
      const path = positional ? `parameters[${key}]` : `parameters.${key}`;
      check(isFilled(value), path, "string");
      check(positional || /^[a-z\d_]+$/.test(key), path, "name");
    }
    message.template_parameters = positional
      ? entries.map((entry) => entry[1] as string)
      : Object.fromEntries(entries as [string, string][]);
  }

  if (whatsappConfigId !== undefined) {
    message.whatsapp_config_id = whatsappConfigId as string;
  }
  if (customerId !== undefined) {
    message.customer_id = customerId as string;
  }
  return { message, issues, header, buttons, check };
}
