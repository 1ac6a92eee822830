import {
  type GetTemplateResponse,
  type ListTemplatesQuery,
  type SendTemplateBody,
  type SendTemplateResponse,
  ValidationError,
  type ValidationIssue,
  type WhatsappTemplate,
  type WhatsappTemplateList,
} from "@kapsokit/core";
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
import { isUuid, toTemplateMessage } from "../validation/send-input.js";
import { matchTemplate } from "../validation/template-match.js";

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

const ONE = "/whatsapp_templates/{template_id}";

/** The templates resource over one client's context. */
export function createTemplates(context: ClientContext): Templates {
  // Templates fetched to check sends against, with the time each stops being trusted.
  const cache = new Map<string, [expires: number, template: Promise<WhatsappTemplate>]>();

  const remember = (templateId: string, template: Promise<WhatsappTemplate>) =>
    cache.set(templateId, [Date.now() + (context.templateTtl ?? 3e5), template]);

  const fetchTemplate = (templateId: string, options?: RequestOptions) => {
    let [expires, fetched] = cache.get(templateId) ?? [0];
    if (!fetched || expires < Date.now()) {
      fetched = templates.get(templateId, options).then((answer) => answer.data);
      remember(templateId, fetched);
      // A failed fetch is not kept.
      fetched.catch(() => cache.delete(templateId));
    }
    return fetched;
  };

  const templates: Templates = {
    send: (templateId, input, options = {}) =>
      apiPromise(
        (async () => {
          const template = toTemplateMessage(templateId, input);
          if (options.validateAgainstTemplate ?? context.templateTtl) {
            const issues = matchTemplate(await fetchTemplate(templateId, options), template);
            if (issues.length) throw new ValidationError(issues);
          }
          return request(
            context,
            "POST",
            `${ONE}/send_template`,
            { path: { template_id: templateId }, body: { template } satisfies SendTemplateBody },
            options,
          );
        })(),
      ),

    get: (templateId, options) =>
      apiPromise(
        (async () => {
          if (!isUuid(templateId))
            throw new ValidationError([{ path: "templateId", message: "must be a UUID" }]);
          const answer = await request<GetTemplateResponse>(
            context,
            "GET",
            ONE,
            { path: { template_id: templateId } },
            options,
          );
          // A template read by the caller also serves the check of the sends that follow.
          if (context.templateTtl) remember(templateId, Promise.resolve(answer.data.data));
          return answer;
        })(),
      ),

    list: (params = {}, options) => {
      const { page, perPage, customerId, name, languageCode, category, status } = params;
      const fetchPage = async (n = page) => {
        const issues: ValidationIssue[] = [];
        const check = (ok: unknown, path: string, message: string) => ok || issues.push({ path, message });
        check(n === undefined || (Number.isInteger(n) && n > 0), "page", "must be a whole number from 1");
        check(
          perPage === undefined || (Number.isInteger(perPage) && perPage > 0 && perPage <= 100),
          "perPage",
          "must be a whole number from 1 to 100",
        );
        check(customerId === undefined || isUuid(customerId), "customerId", "must be a UUID");
        if (issues.length) throw new ValidationError(issues);
        const query: ListTemplatesQuery = {
          page: n,
          per_page: perPage,
          customer_id: customerId,
          q: { name_cont: name, language_code_eq: languageCode, category_eq: category, status_eq: status },
        };
        return request<WhatsappTemplateList>(context, "GET", "/whatsapp_templates", { query }, options);
      };
      const first = apiPromise(fetchPage());
      return Object.assign(first, {
        async *[Symbol.asyncIterator]() {
          let { data: list } = await first.withResponse();
          for (;;) {
            yield* list.data;
            if (list.meta.page >= list.meta.total_pages || !list.data.length) return;
            list = (await fetchPage(list.meta.page + 1)).data;
          }
        },
      });
    },

    sendMany: (recipients, options) =>
      sendManyLazily(templates, (id, signal) => fetchTemplate(id, { signal }), recipients, options),
  };
  return templates;
}
