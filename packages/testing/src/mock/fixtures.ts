import type { WhatsappTemplate } from "@kapsokit/core";
import { specExamples } from "../generated/examples.js";

/** A template in the mock's store: the API's shape plus the customer it belongs to. */
export interface StoredTemplate extends WhatsappTemplate {
  /** The customer the template belongs to; read by the `customer_id` filters, never returned. */
  customer_id?: string | null;
}

function clone<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Templates the mock starts with, one per shape a send can take. Each is a fresh copy, so a
 * test may change it freely.
 */
export interface Fixtures {
  /** `appointment_reminder`: positional `{{1}}`, `{{2}}`, an IMAGE header; approved. The spec's list example. */
  appointmentReminder: StoredTemplate;
  /** `order_update`: named `{{customer_name}}`, `{{order_number}}`, a TEXT header; approved. The spec's get example. */
  orderUpdate: StoredTemplate;
  /** `invoice_ready`: one positional parameter, a DOCUMENT header; approved. */
  invoiceReady: StoredTemplate;
  /** `spring_sale`: named `{{first_name}}`, no header, MARKETING; still a draft, so sends are refused. */
  springSaleDraft: StoredTemplate;
}

/** Fresh copies of the fixtures, keyed by name. */
export function createFixtures(): Fixtures {
  return {
    appointmentReminder: clone(specExamples.listWhatsappTemplates.responses[200].data[0]),
    orderUpdate: clone(specExamples.getWhatsappTemplate.responses[200].data),
    invoiceReady: {
      id: "b7a0e5c2-9d14-4f3a-8e6b-2c5d7f9a1e34",
      name: "invoice_ready",
      language_code: "en_US",
      category: "UTILITY",
      status: "approved",
      content: "Your invoice {{1}} is attached.",
      parameter_count: 1,
      business_account_id: "102290129340398",
      whatsapp_config_ids: ["3c90c3cc-0d44-4b50-8888-8dd25736052a"],
      components: [
        {
          type: "HEADER",
          format: "DOCUMENT",
          example: { header_handle: ["https://example.com/invoice.pdf"] },
        },
        { type: "BODY", text: "Your invoice {{1}} is attached.", example: { body_text: [["INV-2041"]] } },
      ],
      metadata: {},
      created_at: "2025-02-14T16:20:00Z",
      updated_at: "2025-02-14T16:20:00Z",
      customer_id: "0b6a9e1d-5c3f-4e2a-9b8d-7f1e3c5a9d02",
    },
    springSaleDraft: {
      id: "d2f4a6b8-1c3e-4a5b-9d7f-0e2c4a6b8d1f",
      name: "spring_sale",
      language_code: "es_MX",
      category: "MARKETING",
      status: "draft",
      content: "Hola {{first_name}}, la venta de primavera empieza mañana.",
      parameter_count: 1,
      business_account_id: null,
      whatsapp_config_ids: [],
      components: [
        {
          type: "BODY",
          text: "Hola {{first_name}}, la venta de primavera empieza mañana.",
          example: { body_text_named_params: [{ param_name: "first_name", example: "Ana" }] },
        },
      ],
      metadata: {},
      created_at: "2025-05-20T12:00:00Z",
      updated_at: "2025-05-21T08:45:00Z",
    },
  };
}

/**
 * The fixtures the mock is seeded with by default.
 *
 * @example
 * ```ts
 * import { createKapsoMock, fixtures } from "@kapsokit/testing";
 *
 * const mock = createKapsoMock();
 * await kapso.templates.send(fixtures.appointmentReminder.id, { to: "+14155550123", parameters: ["Ana", "Friday"] });
 * ```
 */
export const fixtures: Readonly<Fixtures> = deepFreeze(createFixtures());

// The shared fixtures are frozen all the way down, so no test can change what another sees;
// `createFixtures()` gives copies to change.
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** A complete template built from a few fields; the rest take plain defaults. */
export function defineTemplate(
  fields: Partial<StoredTemplate> & Pick<StoredTemplate, "id" | "name">,
): StoredTemplate {
  const content = fields.content ?? "";
  return {
    language_code: "en_US",
    category: "UTILITY",
    status: "approved",
    content,
    parameter_count: placeholders(content).length,
    business_account_id: null,
    whatsapp_config_ids: [],
    components: content ? [{ type: "BODY", text: content }] : [],
    metadata: {},
    created_at: "2025-01-01T00:00:00Z",
    updated_at: "2025-01-01T00:00:00Z",
    ...fields,
  };
}

/** The distinct placeholders of a body text, in order: `["1", "2"]` or `["customer_name"]`. */
export function placeholders(content: string): string[] {
  return [...new Set([...content.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!))];
}
