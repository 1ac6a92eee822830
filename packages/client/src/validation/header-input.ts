// The check of a send's header and its mapping to the wire fields. Loaded with the first send
// that has a header; it imports nothing at run time, and is handed what it needs.
import type { TemplateMessage } from "@kapsokit/core";
import type { Check } from "./send-input.js";

type Input = Record<string, unknown>;

// The fields each header type may carry besides `type`. A file name is shown for a document
// and ignored by the API on an image or a video, so it is sent with any media header.
const HEADER_FIELDS: Record<string, string[]> = {
  text: ["text"],
  image: ["url", "filename"],
  video: ["url", "filename"],
  document: ["url", "filename"],
};

const isHttps = (value: unknown): boolean => /^https:\/\/[^/?#\s]+\S*$/i.test(value as string);

/**
 * Checks a header (`{ type: "image", url }`, `{ type: "text", text }`, …), recording each
 * problem with `check`, and writes its wire fields into `message`.
 */
export function addHeader(
  message: TemplateMessage,
  header: unknown,
  check: Check,
  isFilled: (value: unknown) => boolean,
): void {
  const h = (header && typeof header === "object" ? header : {}) as Input;
  const type = h.type as string;
  // Own keys only: a type such as "toString" must not find Object.prototype's.
  const fields = Object.hasOwn(HEADER_FIELDS, type) ? HEADER_FIELDS[type] : undefined;
  const text = type === "text";
  const content = text ? h.text : h.url;
  check(fields, "header.type", "headerType");
  for (const key in h) {
    check(key === "type" || h[key] === undefined || fields?.includes(key), `header.${key}`, "unused", type);
  }
  check(
    text ? isFilled(content) : isHttps(content),
    `header.${text ? "text" : "url"}`,
    text ? "string" : "https",
  );
  check(h.filename === undefined || isFilled(h.filename), "header.filename", "string");
  message.header_type = type as TemplateMessage["header_type"];
  message.header_params = content as string;
  if (h.filename !== undefined) {
    message.header_filename = h.filename as string;
  }
}
