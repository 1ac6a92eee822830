import type { TemplateButton, TemplateMessage } from "@kapsokit/core";
import { placeholders } from "@kapsokit/core/internal";
import type { StoredTemplate } from "./fixtures.js";

/**
 * Why the API would refuse this send to this template, in the API's words, or null when it
 * fits: the template must be approved, the parameters must match its placeholders in count
 * (positional) or names (named), a header must match the template's header format, and every
 * URL button whose address ends in `{{1}}` needs its value, while no other button takes one.
 */
export function templateMismatch(template: StoredTemplate, message: TemplateMessage): string | null {
  if (template.status !== "approved") {
    return `Template ${template.name} is not approved (status: ${template.status})`;
  }
  const names = placeholders(template.content);
  const named = names.length > 0 && names.some((n) => !/^\d+$/.test(n));
  const given = message.template_parameters;
  const count = given === undefined ? 0 : Array.isArray(given) ? given.length : Object.keys(given).length;
  if (count !== template.parameter_count) {
    return `Template requires ${template.parameter_count} parameters, but ${count} were provided`;
  }
  if (given !== undefined && count > 0) {
    if (named && Array.isArray(given)) {
      return `Template uses named parameters (${names.join(", ")}), but positional parameters were provided`;
    }
    if (!named && !Array.isArray(given)) {
      return "Template uses positional parameters, but named parameters were provided";
    }
    if (named && !Array.isArray(given)) {
      const missing = names.filter((n) => !(n in given));
      if (missing.length > 0) {
        return `Missing template parameters: ${missing.join(", ")}`;
      }
    }
  }
  const format = template.components.find((c) => c.type === "HEADER")?.format;
  if (message.header_type !== undefined) {
    if (!format) {
      return `Template has no header, but header_type ${message.header_type} was provided`;
    }
    if (format.toLowerCase() !== message.header_type) {
      return `Template header is ${format}, but header_type ${message.header_type} was provided`;
    }
  } else if (format && format !== "TEXT" && format !== "LOCATION") {
    return `Template requires a ${format.toLowerCase()} header`;
  }
  return buttonMismatch(template, message.button_url_params ?? {});
}

/** Whether a button takes a value when the template is sent: a URL button with a placeholder. */
export function takesUrlParameter(button: TemplateButton | undefined): boolean {
  return button?.type === "URL" && placeholders(button.url).length > 0;
}

function buttonMismatch(template: StoredTemplate, given: Record<string, string>): string | null {
  const buttons = template.components.find((c) => c.type === "BUTTONS")?.buttons ?? [];
  for (const [index, button] of buttons.entries()) {
    if (takesUrlParameter(button) && !given[String(index)]) {
      return `Template button ${index} (URL "${button.text ?? ""}") requires a URL parameter in button_url_params["${index}"]`;
    }
  }
  for (const key of Object.keys(given)) {
    const button = /^\d+$/.test(key) ? buttons[Number(key)] : undefined;
    if (!takesUrlParameter(button)) {
      return `button_url_params["${key}"] was provided, but template ${template.name} has no URL button with a parameter there (buttons: ${describeButtons(buttons)})`;
    }
  }
  return null;
}

/** `0 URL "Track order" (https://…/{{1}}), 1 QUICK_REPLY "Stop"`, or `none`. */
export function describeButtons(buttons: readonly TemplateButton[]): string {
  if (buttons.length === 0) {
    return "none";
  }
  return buttons
    .map((b, i) => `${i} ${b.type}${b.text ? ` "${b.text}"` : ""}${b.url ? ` (${b.url})` : ""}`)
    .join(", ");
}
