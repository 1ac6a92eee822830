import {
  type GetTemplateResponse,
  type SendTemplateResponse,
  ValidationError,
  type ValidationIssue,
  type WhatsappTemplate,
  type WhatsappTemplateList,
} from "@kapsokit/core";
import { apiPromise } from "../api-promise.js";
import { type ClientContext, request } from "../request.js";
import type {
  APIPromise,
  ListTemplatesParams,
  PagePromise,
  RequestOptions,
  SendTemplateInput,
  WithResponse,
} from "../types.js";
import { isUuid, toTemplateMessage } from "../validation/send-input.js";
import { matchTemplate } from "../validation/template-match.js";

const ONE = "/whatsapp_templates/{template_id}";

/** `kapso.templates`: list, read and send WhatsApp templates. */
export class Templates {
  readonly #context: ClientContext;
  readonly #cache = new Map<string, { expires: number; template: Promise<WhatsappTemplate> }>();

  constructor(context: ClientContext) {
    this.#context = context;
  }

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
    options: RequestOptions = {},
  ): APIPromise<SendTemplateResponse> {
    return apiPromise(
      (async () => {
        const template = toTemplateMessage(templateId, input);
        if (options.validateAgainstTemplate ?? this.#context.templateTtl !== undefined) {
          const issues = matchTemplate(await this.#template(templateId, options), template);
          if (issues.length) throw new ValidationError(issues);
        }
        return request<SendTemplateResponse>(
          this.#context,
          "POST",
          `${ONE}/send_template`,
          { params: { path: { template_id: templateId } }, body: { template } },
          options,
        );
      })(),
    );
  }

  /**
   * Reads one template with its components.
   *
   * @example
   * ```ts
   * const { data: template } = await kapso.templates.get("3c90c3cc-0d44-4b50-8888-8dd25736052a");
   * ```
   */
  get(templateId: string, options?: RequestOptions): APIPromise<GetTemplateResponse> {
    return apiPromise(
      (async () => {
        if (!isUuid(templateId))
          throw new ValidationError([{ path: "templateId", message: "must be a UUID" }]);
        return request<GetTemplateResponse>(
          this.#context,
          "GET",
          ONE,
          { params: { path: { template_id: templateId } } },
          options,
        );
      })(),
    );
  }

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
    params: ListTemplatesParams = {},
    options?: RequestOptions,
  ): PagePromise<WhatsappTemplateList, WhatsappTemplate> {
    const fetchPage = async (page = params.page): Promise<WithResponse<WhatsappTemplateList>> =>
      request(
        this.#context,
        "GET",
        "/whatsapp_templates",
        { params: { query: toQuery(params, page) } },
        options,
      );
    const first = apiPromise(fetchPage());
    return Object.assign(first, {
      async *[Symbol.asyncIterator]() {
        let { data: list } = await first.withResponse();
        for (;;) {
          yield* list.data;
          const { page, total_pages } = list.meta;
          if (page >= total_pages || !list.data.length) return;
          list = (await fetchPage(page + 1)).data;
        }
      },
    });
  }

  /** The template, fetched once per TTL; a failed fetch is not cached. */
  #template(templateId: string, options: RequestOptions): Promise<WhatsappTemplate> {
    const cached = this.#cache.get(templateId);
    if (cached && cached.expires > Date.now()) return cached.template;
    const template = this.get(templateId, options).then((answer) => answer.data);
    this.#cache.set(templateId, { expires: Date.now() + (this.#context.templateTtl ?? 300_000), template });
    template.catch(() => this.#cache.delete(templateId));
    return template;
  }
}

function toQuery(params: ListTemplatesParams, page: number | undefined) {
  const { perPage, customerId } = params;
  const issues: ValidationIssue[] = [];
  if (page !== undefined && !(Number.isInteger(page) && page > 0)) {
    issues.push({ path: "page", message: "must be a whole number from 1" });
  }
  if (perPage !== undefined && !(Number.isInteger(perPage) && perPage > 0 && perPage <= 100)) {
    issues.push({ path: "perPage", message: "must be a whole number from 1 to 100" });
  }
  if (customerId !== undefined && !isUuid(customerId))
    issues.push({ path: "customerId", message: "must be a UUID" });
  if (issues.length) throw new ValidationError(issues);
  const q = JSON.parse(
    JSON.stringify({
      name_cont: params.name,
      language_code_eq: params.languageCode,
      category_eq: params.category,
      status_eq: params.status,
    }),
  );
  return { page, per_page: perPage, customer_id: customerId, q: Object.keys(q).length ? q : undefined };
}
