// `kapso.templates.sendMany`: the bulk engine bound to the client's own send. The engine is
// loaded on first use, so an app that only ever calls `send` does not ship it.
import { type SendTemplateResponse, ValidationError } from "@kapsokit/core";
import type { APIPromise, RequestOptions, SendTemplateInput } from "../types.js";
import { recipientKey } from "./recipient-key.js";
import type { BulkOptions, BulkResult } from "./types.js";

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

// The same number written with or without spaces, dashes or brackets is the same recipient.
const normalisePhone = (to: unknown) => (typeof to === "string" ? to.replace(/[\s().-]/g, "") : to);

/** Runs a bulk send through a templates resource; see `Templates.sendMany`. */
export async function* sendManyTemplates(
  templates: TemplateSender,
  fetchTemplate: (templateId: string, signal: AbortSignal) => Promise<unknown>,
  recipients: Iterable<SendManyRecipient> | AsyncIterable<SendManyRecipient>,
  options: SendManyOptions = {},
): AsyncGenerator<SendManyResult, void, undefined> {
  const { sendMany } = await import("./send-many.js");
  const { templateId: runTemplate, validateAgainstTemplate = true, timeout, ...bulk } = options;
  const templateOf = (recipient: SendManyRecipient) => recipient.templateId ?? runTemplate;
  yield* sendMany<SendManyRecipient, SendTemplateResponse>(
    {
      send(recipient, { signal, maxRetries }) {
        const { templateId: _, ...input } = recipient;
        const templateId = templateOf(recipient);
        if (templateId === undefined) {
          throw new ValidationError([
            { path: "templateId", message: "is required (on the recipient or in options)" },
          ]);
        }
        return templates
          .send(templateId, input, { signal, maxRetries, timeout, validateAgainstTemplate })
          .withResponse();
      },
      keyOf: (recipient) =>
        recipientKey({ ...recipient, templateId: templateOf(recipient), to: normalisePhone(recipient.to) }),
      templateOf,
      prepareTemplate: validateAgainstTemplate ? fetchTemplate : undefined,
    },
    recipients,
    bulk,
  );
}
