// `kapso.templates.sendMany`: the bulk engine bound to the client's own send.
import type { SendTemplateResponse } from "@kapsokit/core";
import type { APIPromise, RequestOptions, SendTemplateInput } from "../types.js";
import { recipientKey } from "./recipient-key.js";
import { sendMany } from "./send-many.js";
import type { BulkOptions, BulkResult, SendFailure } from "./types.js";

/** One recipient of a bulk send: a send's input, and the template when it is not the run's. */
export interface SendManyRecipient extends SendTemplateInput {
  /** The template for this recipient; defaults to `options.templateId`. */
  templateId?: string;
}

/** Options of `kapso.templates.sendMany`. */
export interface SendManyOptions extends BulkOptions {
  /** The template of every recipient that names none. */
  templateId?: string | undefined;
  /**
   * Check each send against its template, fetched once per template. Default true: a bulk
   * send with the wrong parameters should fail at the first row, not after a thousand.
   */
  validateAgainstTemplate?: boolean | undefined;
  /** Milliseconds one send may take; the client's `timeout` by default. */
  timeout?: number | undefined;
}

/** One result of `kapso.templates.sendMany`. */
export type SendManyResult = BulkResult<SendManyRecipient, SendTemplateResponse>;

/** What the bulk send needs from the templates resource. */
export interface TemplateSender {
  send(
    templateId: string,
    input: SendTemplateInput,
    options?: RequestOptions,
  ): APIPromise<SendTemplateResponse>;
}

/**
 * What the bulk engine takes from the client's main bundle rather than importing it: it is a
 * chunk loaded on first use, and code it shared with the main bundle would be split into a
 * third chunk that every page loads up front.
 */
export interface FromMainBundle {
  classifyFailure(error: unknown): SendFailure;
  normalisePhone(phone: string): string;
}

/** Runs a bulk send through a templates resource; see `Templates.sendMany`. */
export function sendManyTemplates(
  templates: TemplateSender,
  fetchTemplate: (templateId: string, signal: AbortSignal) => Promise<unknown>,
  recipients: Iterable<SendManyRecipient> | AsyncIterable<SendManyRecipient>,
  options: SendManyOptions,
  { classifyFailure, normalisePhone }: FromMainBundle,
): AsyncGenerator<SendManyResult, void, undefined> {
  const { templateId: runTemplate, validateAgainstTemplate = true, timeout, ...bulk } = options;
  const templateOf = (recipient: SendManyRecipient) => recipient.templateId ?? runTemplate;
  return sendMany<SendManyRecipient, SendTemplateResponse>(
    {
      send(recipient, { signal, maxRetries }) {
        const { templateId: _, ...input } = recipient;
        // Without a template id the send's own validation refuses the recipient (nothing
        // from core is imported here, so this chunk shares no code with the main bundle).
        return templates
          .send(templateOf(recipient) ?? "", input, { signal, maxRetries, timeout, validateAgainstTemplate })
          .withResponse();
      },
      // The same number written with or without spaces, dashes or brackets is the same recipient.
      classify: classifyFailure,
      keyOf: (recipient) =>
        recipientKey({
          ...recipient,
          templateId: templateOf(recipient),
          to: typeof recipient.to === "string" ? normalisePhone(recipient.to) : recipient.to,
        }),
      templateOf,
      prepareTemplate: validateAgainstTemplate ? fetchTemplate : undefined,
    },
    recipients,
    bulk,
  );
}
