import {
  classifyFailure,
  type GetTemplateResponse,
  type SendTemplateBody,
  type SendTemplateResponse,
  ValidationError,
  type WhatsappTemplate,
  type WhatsappTemplateList,
} from "@kapsokit/core";
import { normalisePhone, placeholders } from "@kapsokit/core/internal";
import { apiPromise } from "../api-promise.js";
import { sendManyLazily } from "../bulk/send-many-lazily.js";
import type { SendManyOptions, SendManyRecipient, SendManyResult } from "../bulk/templates-send-many.js";
import { type ClientContext, request } from "../request.js";
import type {
  APIPromise,
  ListTemplatesParams,
  PagePromise,
  RequestOptions,
  SendTemplateInput,
} from "../types.js";
import { isFilled, isUuid, toTemplateMessage } from "../validation/send-input.js";
import type { ReadTemplate, TemplateCache } from "../validation/template-check.js";

/** `kapso.templates`: list, read and send WhatsApp templates. */
export interface Templates {
  /**
   * Sends a template to one phone number. The input is checked first (and, with
   * `validateAgainstTemplate`, compared with the template); a problem throws a
   * `ValidationError` and nothing is sent. A send is never repeated where the server may
   * have acted on it: such failures throw `SendOutcomeUnknownError`.
   *
   * @example
   * ```ts
   * const result = await kapso.templates.send("3c90c3cc-0d44-4b50-8888-8dd25736052a", {
   *   to: "+1 415 555 0123",
   *   parameters: ["John", "Tomorrow at 2 PM"],
   * });
   * ```
   */
  send(
    templateId: string,
    input: SendTemplateInput,
    options?: RequestOptions,
  ): APIPromise<SendTemplateResponse>;
  /**
   * Reads one template with its components.
   *
   * @example
   * ```ts
   * const { data: template } = await kapso.templates.get("3c90c3cc-0d44-4b50-8888-8dd25736052a");
   * ```
   */
  get(templateId: string, options?: RequestOptions): APIPromise<GetTemplateResponse>;
  /**
   * Lists templates: await it for one page (`{ data, meta }`), or iterate it with
   * `for await` to walk every template of every page.
   *
   * @example
   * ```ts
   * const page = await kapso.templates.list({ status: "approved", perPage: 50 });
   * for await (const template of kapso.templates.list({ status: "approved" })) {
   *   console.log(template.name);
   * }
   * ```
   */
  list(
    params?: ListTemplatesParams,
    options?: RequestOptions,
  ): PagePromise<WhatsappTemplateList, WhatsappTemplate>;
  /**
   * Sends to many recipients, one result per recipient as each send finishes. Recipients are
   * read one at a time from any iterable or async iterable (a million-row file streams). The
   * run stays under `rate` and the server's `X-RateLimit-*`, pauses every send for
   * `Retry-After` after a 429, checks each template once, and never stops for one failure.
   * With a `journal`, a run that was killed resumes without sending anything twice.
   *
   * @example
   * ```ts
   * const recipients = [{ to: "+14155550123", parameters: ["Ana", "Friday 3 PM"] }];
   * for await (const r of kapso.templates.sendMany(recipients, { templateId, rate: "100/min" })) {
   *   if (r.status !== "sent") console.warn(r.recipient.to, r.status);
   * }
   * ```
   */
  sendMany(
    recipients: Iterable<SendManyRecipient> | AsyncIterable<SendManyRecipient>,
    options?: SendManyOptions,
  ): AsyncGenerator<SendManyResult, void, undefined>;
}

/** The path of one template, its id encoded. */
const one = (templateId: string) => `/whatsapp_templates/${encodeURIComponent(templateId)}`;

/** The templates resource over one client's context. */
export function createTemplates(context: ClientContext): Templates {
  // Templates fetched to check sends against (see template-check.ts).
  const cache: TemplateCache = new Map();
  // Sends are checked when the client says so; bulk sends unless it says not to.
  const ttl = context.templateCheck === undefined ? 300_000 : context.templateCheck || 0;
  const read: ReadTemplate = async (templateId, signal) => (await templates.get(templateId, { signal })).data;
  // Loaded with the first checked send, like the template it checks against.
  const check = () => import("../validation/template-check.js");

  const templates: Templates = {
    send: (templateId, input, options = {}) =>
      apiPromise(
        (async () => {
          const {
            message: template,
            issues,
            header,
            buttons,
            check: record,
          } = toTemplateMessage(templateId, input);
          if (header !== undefined) {
            // Loaded with the first send that has a header.
            (await import("../validation/header-input.js")).addHeader(template, header, record, isFilled);
          }
          if (buttons !== undefined) {
            // Loaded with the first send that has URL buttons.
            (await import("../validation/buttons-input.js")).addButtons(template, buttons, record, isFilled);
          }
          if (issues.length) {
            // The words are loaded only when a send is refused.
            throw new ValidationError(
              (await import("../validation/issue-messages.js")).describeIssues(issues),
            );
          }
          if (options.validateAgainstTemplate ?? typeof context.templateCheck === "number") {
            const issues = await (await check()).checkAgainstTemplate(
              cache,
              ttl,
              read,
              templateId,
              template,
              placeholders,
              options.signal,
            );
            if (issues.length) {
              throw new ValidationError(issues);
            }
          }
          return request(
            context,
            "POST",
            { path: `${one(templateId)}/send_template`, body: { template } satisfies SendTemplateBody },
            options,
          );
        })(),
      ),

    get: (templateId, options) =>
      apiPromise(
        (async () => {
          if (!isUuid(templateId)) {
            throw new ValidationError([{ path: "templateId", message: "must be a UUID" }]);
          }
          const answer = await request<GetTemplateResponse>(
            context,
            "GET",
            { path: one(templateId) },
            options,
          );
          // A template read by the caller also serves the check of the sends that follow.
          cache.set(templateId, [Date.now() + ttl, Promise.resolve(answer.data.data)]);
          return answer;
        })(),
      ),

    list: (params = {}, options) => {
      const fetchPage = async (page = params.page) => {
        // Loaded with the first list: an app that only sends never downloads it.
        const query = (await import("./list-page.js")).listQuery({ ...params, page });
        if (typeof query !== "string") {
          throw new ValidationError(query);
        }
        return request<WhatsappTemplateList>(context, "GET", { path: "/whatsapp_templates", query }, options);
      };
      const first = apiPromise(fetchPage());
      return Object.assign(first, {
        async *[Symbol.asyncIterator]() {
          yield* (await import("./list-page.js")).everyTemplate(first, fetchPage);
        },
      });
    },

    sendMany: (recipients, options) =>
      sendManyLazily(
        templates,
        async (id, signal) => (await check()).cachedTemplate(cache, ttl, read, id, signal),
        recipients,
        {
          validateAgainstTemplate: context.templateCheck !== false,
          ...options,
        },
        { classifyFailure, normalisePhone },
      ),
  };
  return templates;
}
