// The check of sends against their templates: each template fetched once and trusted for the
// client's ttl, then compared with the send. Loaded with the first checked send; it imports
// nothing at run time from the client's main bundle, and is handed the read it needs.
import type { TemplateMessage, ValidationIssue, WhatsappTemplate } from "@kapsokit/core";
import { matchTemplate } from "./template-match.js";

/** Templates fetched to check sends against, with the time each stops being trusted. */
export type TemplateCache = Map<string, [expires: number, template: Promise<WhatsappTemplate>]>;

/** Reads one template, as `kapso.templates.get` does. */
export type ReadTemplate = (templateId: string, signal?: AbortSignal) => Promise<WhatsappTemplate>;

/** The template, from the cache while it is trusted, else read (a failed read is not kept). */
export function cachedTemplate(
  cache: TemplateCache,
  ttl: number,
  read: ReadTemplate,
  templateId: string,
  signal?: AbortSignal,
): Promise<WhatsappTemplate> {
  let [expires, template] = cache.get(templateId) ?? [0];
  if (!template || expires <= Date.now()) {
    template = read(templateId, signal);
    cache.set(templateId, [Date.now() + ttl, template]);
    template.catch(() => cache.delete(templateId));
  }
  return template;
}

/** Every way a send does not fit its template (see `matchTemplate`). */
export async function checkAgainstTemplate(
  cache: TemplateCache,
  ttl: number,
  read: ReadTemplate,
  templateId: string,
  message: TemplateMessage,
  placeholders: (text: string | undefined) => string[],
  signal?: AbortSignal,
): Promise<ValidationIssue[]> {
  return matchTemplate(await cachedTemplate(cache, ttl, read, templateId, signal), message, placeholders);
}
