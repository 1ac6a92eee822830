// What a template asks of a send, read from its components: the parameters its body takes
// and the header it has. `templates list/get` show it; `send` and `send-bulk` check against it.
import type { WhatsappTemplate } from "@kapsokit/client";

/** The media a header can carry. */
export type MediaType = "image" | "video" | "document";

/** The header of a template, as a send must (or must not) fill it. */
export type HeaderShape =
  | { kind: "none" }
  /** Text fixed in the template: a send gives no header. */
  | { kind: "fixed-text"; text: string }
  /** Text with a placeholder: a send gives the text. */
  | { kind: "text" }
  | { kind: "media"; type: MediaType }
  /** A location header: the API takes it from the template; nothing to check. */
  | { kind: "location" };

export interface TemplateShape {
  name: string;
  status: string;
  /** Placeholders of the body in order of first use: `1`, `2`, … or names. */
  placeholders: string[];
  /** Whether the placeholders are numbered (`{{1}}`): none at all counts as positional. */
  positional: boolean;
  header: HeaderShape;
}

// The pattern the client's template check uses, so both agree on what a placeholder is.
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function placeholdersOf(text = ""): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]!))];
}

function headerOf(template: WhatsappTemplate): HeaderShape {
  const head = template.components?.find((c) => c.type === "HEADER");
  if (head?.format === undefined) {
    return { kind: "none" };
  }
  switch (head.format) {
    case "TEXT":
      return placeholdersOf(head.text).length > 0
        ? { kind: "text" }
        : { kind: "fixed-text", text: head.text ?? "" };
    case "LOCATION":
      return { kind: "location" };
    default:
      return { kind: "media", type: head.format.toLowerCase() as MediaType };
  }
}

/**
 * The shape of a template: its body's placeholders and its header.
 *
 * @example
 * ```ts
 * shapeOf(template); // { name: "order_update", placeholders: ["customer_name", "order_number"], positional: false, header: { kind: "fixed-text", text: "Order update" }, … }
 * ```
 */
export function shapeOf(template: WhatsappTemplate): TemplateShape {
  const body = template.components?.find((c) => c.type === "BODY")?.text ?? template.content ?? "";
  const placeholders = placeholdersOf(body);
  return {
    name: template.name,
    status: template.status,
    placeholders,
    positional: placeholders.every((p) => /^\d+$/.test(p)),
    header: headerOf(template),
  };
}

/** `image`, `text`, `text (fixed)` or `none`, for listings. */
export function describeHeader(header: HeaderShape): string {
  switch (header.kind) {
    case "none":
      return "none";
    case "fixed-text":
      return "text (fixed)";
    case "text":
      return "text";
    case "media":
      return header.type;
    case "location":
      return "location";
  }
}

/** `{{1}}, {{2}}`. */
export const listPlaceholders = (names: readonly string[]): string => names.map((n) => `{{${n}}}`).join(", ");
