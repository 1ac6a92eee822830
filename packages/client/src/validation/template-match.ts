import type { TemplateButton, TemplateMessage, ValidationIssue, WhatsappTemplate } from "@kapsokit/core";

/**
 * The ways a send does not fit its template: a status other than approved, the number of
 * positional parameters, the names of named ones, the header, or the URL buttons (each one
 * whose address ends in `{{1}}` needs its value, and no other button takes one). Each message
 * says what the template expects.
 */
export function matchTemplate(
  template: WhatsappTemplate,
  message: TemplateMessage,
  placeholders: (text: string | undefined) => string[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const fail = (path: string, expects: string) =>
    issues.push({ path, message: `template ${template.name} expects ${expects}` });
  const part = (type: string) => template.components.find((c) => c.type === type);
  // WhatsApp sends approved templates only; anything else would be refused after the round trip.
  if (template.status !== "approved") {
    fail("templateId", `approved status, not ${template.status}`);
  }

  const names = placeholders(part("BODY")?.text ?? template.content);
  const given = message.template_parameters ?? [];
  const list = (items: string[]) => items.map((n) => `{{${n}}}`).join(", ") || "none";
  if (names.every((n) => /^\d+$/.test(n))) {
    if (!Array.isArray(given) || given.length !== names.length) {
      fail("parameters", `${names.length} positional parameters (${list(names)})`);
    }
  } else if (Array.isArray(given)) {
    fail(
      "parameters",
      `named parameters ${list(names)}, got ${given.length ? `${given.length} positional values` : "none"}`,
    );
  } else {
    const keys = Object.keys(given);
    if (keys.length !== names.length || names.some((n) => !keys.includes(n))) {
      fail("parameters", `named parameters ${list(names)}, got ${list(keys)}`);
    }
  }

  const head = part("HEADER");
  const format = head?.format;
  if (format !== "LOCATION") {
    const wanted =
      format === "TEXT" ? (placeholders(head?.text).length ? "text" : undefined) : format?.toLowerCase();
    if (message.header_type !== wanted) {
      if (format === "TEXT" && !wanted) {
        // The header is part of the template: nothing of it is sent.
        issues.push({
          path: "header",
          message: `template ${template.name}'s header is fixed text (${JSON.stringify(head?.text ?? "")}): a send gives no header`,
        });
      } else {
        fail("header", wanted ? `header type ${wanted}` : "no header");
      }
    }
  }

  const buttons = part("BUTTONS")?.buttons ?? [];
  const values = message.button_url_params ?? {};
  const takesValue = (b?: TemplateButton) => b?.type === "URL" && placeholders(b.url).length > 0;
  const describe = (b: TemplateButton, i: number) =>
    `${i} ${b.type} "${b.text}"${b.url ? ` (${b.url})` : ""}`;
  buttons.forEach((b, i) => {
    if (takesValue(b) && !values[i]) {
      fail(`buttons[${i}]`, `a value for button ${describe(b, i)}`);
    }
  });
  for (const key in values) {
    if (!takesValue(buttons[+key])) {
      fail(
        `buttons[${key}]`,
        `no value for button ${key}; its buttons: ${buttons.map(describe).join(", ") || "none"}`,
      );
    }
  }
  return issues;
}
