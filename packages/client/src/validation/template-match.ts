import type { TemplateMessage, ValidationIssue, WhatsappTemplate } from "@kapsokit/core";

const placeholders = (text = ""): string[] => [
  ...new Set(Array.from(text.matchAll(/\{\{\s*(\w+)\s*\}\}/g), (m) => m[1] as string)),
];

/**
 * The ways a send does not fit its template: a status other than approved, the number of
 * positional parameters, the names of named ones, or the header. Each message says what the
 * template expects.
 */
export function matchTemplate(template: WhatsappTemplate, message: TemplateMessage): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const fail = (path: string, expects: string) =>
    issues.push({ path, message: `template ${template.name} expects ${expects}` });
  const part = (type: string) => template.components.find((c) => c.type === type);
  // WhatsApp sends approved templates only; anything else would be refused after the round trip.
  if (template.status !== "approved") fail("templateId", `approved status, not ${template.status}`);

  const names = placeholders(part("BODY")?.text ?? template.content);
  const given = message.template_parameters ?? [];
  const list = (items: string[]) => items.map((n) => `{{${n}}}`).join(", ") || "none";
  if (names.every((n) => /^\d+$/.test(n))) {
    if (!Array.isArray(given) || given.length !== names.length) {
      fail("parameters", `${names.length} positional parameters (${list(names)})`);
    }
  } else {
    const keys = Array.isArray(given) ? [] : Object.keys(given);
    if (Array.isArray(given) || keys.length !== names.length || names.some((n) => !keys.includes(n))) {
      fail("parameters", `named parameters ${list(names)}, got ${list(keys)}`);
    }
  }

  const head = part("HEADER");
  const format = head?.format;
  if (format !== "LOCATION") {
    const wanted =
      format === "TEXT" ? (placeholders(head?.text).length ? "text" : undefined) : format?.toLowerCase();
    if (message.header_type !== wanted) fail("header", wanted ? `header type ${wanted}` : "no header");
  }
  return issues;
}
