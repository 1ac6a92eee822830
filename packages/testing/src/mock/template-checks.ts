import type { TemplateMessage } from "@kapsokit/core";
import { placeholders, type StoredTemplate } from "./fixtures.js";

/**
 * Why the API would refuse this send to this template, in the API's words, or null when it
 * fits: the template must be approved, the parameters must match its placeholders in count
 * (positional) or names (named), and a header must match the template's header format.
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
      if (missing.length > 0) return `Missing template parameters: ${missing.join(", ")}`;
    }
  }
  const format = template.components.find((c) => c.type === "HEADER")?.format;
  if (message.header_type !== undefined) {
    if (!format) return `Template has no header, but header_type ${message.header_type} was provided`;
    if (format.toLowerCase() !== message.header_type) {
      return `Template header is ${format}, but header_type ${message.header_type} was provided`;
    }
  } else if (format && format !== "TEXT" && format !== "LOCATION") {
    return `Template requires a ${format.toLowerCase()} header`;
  }
  return null;
}
