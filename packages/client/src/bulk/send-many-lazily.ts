// The only part of bulk sending in the client's main bundle: the engine is imported on the
// first `sendMany`, so an app that only calls `send` never downloads it.
import type {
  FromMainBundle,
  SendManyOptions,
  SendManyRecipient,
  SendManyResult,
  TemplateSender,
} from "./templates-send-many.js";

/** `kapso.templates.sendMany`, loading the bulk engine on first use. */
export async function* sendManyLazily(
  templates: TemplateSender,
  fetchTemplate: (templateId: string, signal: AbortSignal) => Promise<unknown>,
  recipients: Iterable<SendManyRecipient> | AsyncIterable<SendManyRecipient>,
  options: SendManyOptions,
  fromMain: FromMainBundle,
): AsyncGenerator<SendManyResult, void, undefined> {
  const { sendManyTemplates } = await import("./templates-send-many.js");
  yield* sendManyTemplates(templates, fetchTemplate, recipients, options, fromMain);
}
