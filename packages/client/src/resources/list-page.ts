// One page of `kapso.templates.list`: the parameters checked, then mapped to the query string.
// Loaded with the first list, so an app that only sends never downloads it; it takes what it
// needs from its caller rather than importing it, so no code is shared with the main bundle.
import type { ValidationIssue, WhatsappTemplate, WhatsappTemplateList } from "@kapsokit/core";
import type { APIPromise, ListTemplatesParams, WithResponse } from "../types.js";

const UUID = /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i;

/** The query string of one page (`?page=2&q[status_eq]=approved`), or every problem with the parameters. */
export function listQuery(params: ListTemplatesParams): string | ValidationIssue[] {
  const {
    page,
    perPage,
    customerId,
    businessAccountId,
    whatsappConfigId,
    name,
    languageCode,
    category,
    status,
  } = params;
  const issues: ValidationIssue[] = [];
  const check = (ok: unknown, path: string, message: string) => ok || issues.push({ path, message });
  check(page === undefined || (Number.isInteger(page) && page > 0), "page", "must be a whole number from 1");
  check(
    perPage === undefined || (Number.isInteger(perPage) && perPage > 0 && perPage <= 100),
    "perPage",
    "must be a whole number from 1 to 100",
  );
  check(customerId === undefined || UUID.test(customerId), "customerId", "must be a UUID");
  check(whatsappConfigId === undefined || UUID.test(whatsappConfigId), "whatsappConfigId", "must be a UUID");
  if (issues.length) {
    return issues;
  }
  const query = new URLSearchParams();
  const add = (key: string, value: string | number | undefined) =>
    value !== undefined && query.append(key, `${value}`);
  add("page", page);
  add("per_page", perPage);
  add("customer_id", customerId);
  add("business_account_id", businessAccountId);
  add("whatsapp_config_id", whatsappConfigId);
  add("q[name_cont]", name);
  add("q[language_code_eq]", languageCode);
  add("q[category_eq]", category);
  add("q[status_eq]", status);
  return query.size ? `?${query}` : "";
}

/** Every template of every page, from the first page on, one page read at a time. */
export async function* everyTemplate(
  first: APIPromise<WhatsappTemplateList>,
  fetchPage: (page: number) => Promise<WithResponse<WhatsappTemplateList>>,
): AsyncGenerator<WhatsappTemplate> {
  let list = await first;
  for (;;) {
    yield* list.data;
    if (list.meta.page >= list.meta.total_pages || !list.data.length) {
      return;
    }
    list = (await fetchPage(list.meta.page + 1)).data;
  }
}
