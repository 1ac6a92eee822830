import { type TemplateMessage, ValidationError, type ValidationIssue } from "@kapsokit/core";

type Input = Record<string, unknown>;

// The fields each header type may carry besides `type`.
const HEADER_FIELDS: Input = {
  text: ["text"],
  image: ["url"],
  video: ["url"],
  document: ["url", "filename"],
};

const isObject = (value: unknown): value is Input => !!value && typeof value === "object";

const isFilled = (value: unknown): value is string => typeof value === "string" && !!value.trim();

/** Whether a value is a UUID, the API's id format. */
export const isUuid = (value: unknown): value is string =>
  typeof value === "string" && /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i.test(value);

const isHttps = (value: unknown): boolean => {
  try {
    return new URL(value as string).protocol === "https:";
  } catch {
    return false;
  }
};

/**
 * Checks a send's input and maps it to the API's wire shape, or throws a
 * {@link ValidationError} listing every problem. The phone number is normalised to E.164.
 */
export function toTemplateMessage(templateId: unknown, input: unknown): TemplateMessage {
  const issues: ValidationIssue[] = [];
  const check = (ok: unknown, path: string, message: string) => ok || issues.push({ path, message });
  const { to, parameters, header, whatsappConfigId, customerId, ...unknown } = (
    isObject(input) ? input : {}
  ) as Input;
  check(isObject(input), "input", "must be an object");
  for (const key in unknown) check(unknown[key] === undefined, key, "is not a send field");
  const uuid = (path: string, value: unknown) =>
    check(value === undefined || isUuid(value), path, "must be a UUID");
  uuid("templateId", templateId ?? 0);
  uuid("whatsappConfigId", whatsappConfigId);
  uuid("customerId", customerId);

  const phone = typeof to === "string" ? to.replace(/[\s().-]/g, "") : "";
  check(/^\+[1-9]\d{6,14}$/.test(phone), "to", "must be a phone number in E.164 form, like +14155550123");
  const message: TemplateMessage = { phone_number: phone };

  if (parameters !== undefined) {
    const positional = Array.isArray(parameters);
    check(isObject(parameters), "parameters", "must be an array or an object of strings");
    // Copy, so holes, prototypes and toJSON cannot change what goes on the wire.
    const entries = isObject(parameters) ? Object.entries(positional ? [...parameters] : parameters) : [];
    for (const [key, value] of entries) {
      const path = positional ? `parameters[${key}]` : `parameters.${key}`;
      check(isFilled(value), path, "must be a non-empty string");
      check(positional || /^[a-z\d_]+$/.test(key), path, "must be named with a-z, 0-9 and _");
    }
    message.template_parameters = positional
      ? entries.map((entry) => entry[1] as string)
      : Object.fromEntries(entries as [string, string][]);
  }

  if (header !== undefined) {
    const h = (isObject(header) ? header : {}) as Input;
    const { type } = h;
    // Own keys only: a type such as "toString" must not find Object.prototype's.
    const fields = (
      Object.hasOwn(HEADER_FIELDS, type as string) ? HEADER_FIELDS[type as string] : undefined
    ) as string[] | undefined;
    const content = type === "text" ? h.text : h.url;
    check(fields, "header.type", "must be text, image, video or document");
    for (const key in h) {
      check(
        key === "type" || h[key] === undefined || fields?.includes(key),
        `header.${key}`,
        `is not used by ${type} headers`,
      );
    }
    check(
      type === "text" ? isFilled(content) : isHttps(content),
      `header.${type === "text" ? "text" : "url"}`,
      type === "text" ? "must be a non-empty string" : "must be an https URL",
    );
    check(h.filename === undefined || isFilled(h.filename), "header.filename", "must be a non-empty string");
    message.header_type = type as TemplateMessage["header_type"];
    message.header_params = content as string;
    if (h.filename !== undefined) message.header_filename = h.filename as string;
  }
  if (whatsappConfigId !== undefined) message.whatsapp_config_id = whatsappConfigId as string;
  if (customerId !== undefined) message.customer_id = customerId as string;

  if (issues.length) throw new ValidationError(issues);
  return message;
}
