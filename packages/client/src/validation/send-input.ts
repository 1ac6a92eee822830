import { type TemplateMessage, ValidationError, type ValidationIssue } from "@kapsokit/core";

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const FIELDS = ["to", "parameters", "header", "whatsappConfigId", "customerId"];
const HEADER_FIELDS: Record<string, string[]> = {
  text: ["text"],
  image: ["url"],
  video: ["url"],
  document: ["url", "filename"],
};

type Input = Record<string, unknown>;

/** Whether a value is a UUID, the API's id format. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

const isObject = (value: unknown): value is Input => !!value && typeof value === "object";

const isFilled = (value: unknown): value is string => typeof value === "string" && !!value.trim();

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
  const fail = (path: string, message: string) => issues.push({ path, message });
  const uuid = (path: string, value: unknown) => {
    if (value !== undefined && !isUuid(value)) fail(path, "must be a UUID");
  };
  uuid("templateId", templateId ?? "");
  const i: Input = isObject(input) ? input : {};
  if (!isObject(input)) fail("input", "must be an object");
  for (const key of Object.keys(i)) {
    if (i[key] !== undefined && !FIELDS.includes(key)) fail(key, "is not a field of a send");
  }

  const phone = typeof i.to === "string" ? i.to.replace(/[\s().-]/g, "") : "";
  if (!/^\+[1-9]\d{6,14}$/.test(phone)) {
    fail("to", "must be a phone number with + and country code (E.164), such as +14155550123");
  }
  const message: TemplateMessage = { phone_number: phone };

  const { parameters, header } = i;
  if (parameters !== undefined) {
    const positional = Array.isArray(parameters);
    if (isObject(parameters)) {
      // Copy, so holes, prototypes and toJSON cannot change what goes on the wire.
      const entries = Object.entries(positional ? [...parameters] : parameters);
      for (const [key, value] of entries) {
        const path = positional ? `parameters[${key}]` : `parameters.${key}`;
        if (!isFilled(value)) fail(path, "must be a non-empty string");
        if (!positional && !/^[a-z\d_]+$/.test(key)) fail(path, "a name uses only a-z, 0-9 and _");
      }
      message.template_parameters = positional
        ? entries.map(([, value]) => value as string)
        : Object.fromEntries(entries as [string, string][]);
    } else {
      fail("parameters", "must be an array of strings or an object of strings");
    }
  }

  if (header !== undefined) {
    const type = isObject(header) ? header.type : undefined;
    const allowed = HEADER_FIELDS[type as string];
    if (!isObject(header) || !allowed) {
      fail("header.type", 'must be "text", "image", "video" or "document"');
    } else {
      for (const key of Object.keys(header)) {
        if (key !== "type" && header[key] !== undefined && !allowed.includes(key)) {
          fail(`header.${key}`, `is not allowed in a ${type} header`);
        }
      }
      const content = type === "text" ? header.text : header.url;
      if (type === "text" ? !isFilled(content) : !isHttps(content)) {
        fail(
          `header.${type === "text" ? "text" : "url"}`,
          type === "text" ? "must be a non-empty string" : "must be an https URL",
        );
      }
      if (header.filename !== undefined && !isFilled(header.filename)) {
        fail("header.filename", "must be a non-empty string");
      }
      message.header_type = type as TemplateMessage["header_type"];
      message.header_params = content as string;
      if (type === "document" && header.filename !== undefined)
        message.header_filename = header.filename as string;
    }
  }

  uuid("whatsappConfigId", i.whatsappConfigId);
  uuid("customerId", i.customerId);
  if (i.whatsappConfigId !== undefined) message.whatsapp_config_id = i.whatsappConfigId as string;
  if (i.customerId !== undefined) message.customer_id = i.customerId as string;

  if (issues.length) throw new ValidationError(issues);
  return message;
}
