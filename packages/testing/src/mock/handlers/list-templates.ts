import type { WhatsappTemplateList } from "@kapsokit/core";
import type { Handler } from "../exchange.js";
import type { TemplateQuery } from "../template-store.js";
import { toWire } from "../template-store.js";

const FILTERS = [
  "name_cont",
  "language_code_eq",
  "category_eq",
  "status_eq",
  "customer_id_eq",
  "business_account_id_eq",
  "whatsapp_config_id_eq",
] as const;
const PLAIN_FILTERS = ["customer_id", "business_account_id", "whatsapp_config_id"] as const;

/** `GET /whatsapp_templates`: one page of the store's templates that pass the filters, newest first. */
export const listTemplates: Handler = (exchange, state) => {
  const query = exchange.parameters.query;
  // Validated and coerced already; `Infinity` passes validation (as in Prism): page past every end.
  const whole = (value: unknown, fallback: number) =>
    typeof value === "number" ? Math.min(value, Number.MAX_SAFE_INTEGER) : fallback;
  const page = whole(query.page, 1);
  const perPage = whole(query.per_page, 20);
  const filters: TemplateQuery = {};
  const q = (query.q ?? {}) as Record<string, unknown>;
  for (const key of FILTERS) {
    if (typeof q[key] === "string") {
      filters[key] = q[key] as never;
    }
  }
  for (const key of PLAIN_FILTERS) {
    if (typeof query[key] === "string") {
      filters[key] = query[key] as string;
    }
  }
  const matching = state.templates.filter(filters);
  const body: WhatsappTemplateList = {
    data: matching.slice((page - 1) * perPage, page * perPage).map(toWire),
    meta: {
      page,
      per_page: perPage,
      total_pages: Math.ceil(matching.length / perPage),
      total_count: matching.length,
    },
  };
  return { status: 200, body };
};
