import type { WhatsappTemplate } from "@kapsokit/core";
import { placeholders } from "@kapsokit/core/internal";

/** A template in the mock's store: the API's shape plus the customer it belongs to. */
export interface StoredTemplate extends WhatsappTemplate {
  /** The customer the template belongs to; read by the `customer_id` filters, never returned. */
  customer_id?: string | null;
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
  /**
   * `order_shipped`: positional `{{1}}`, `{{2}}`, no header, and two buttons: a URL button at
   * position 0 whose address ends in `{{1}}` (so a send needs `buttons: { 0: "…" }`), and a
   * quick reply at 1. The spec's list example.
   */
  orderShipped: StoredTemplate;
  /**
   * `appointment_confirmation`, id `3c90c3cc-0d44-4b50-8888-8dd25736052a`: the template id of
   * the API documentation's own send example, whose curl works against the mock unchanged.
   * Positional `{{1}}`, `{{2}}`, an IMAGE header; approved.
   */
  appointmentConfirmation: StoredTemplate;
}

const CONFIG_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const BUSINESS_ACCOUNT_ID = "102290129340398";

/** Fresh copies of the fixtures, keyed by name. */
export function createFixtures(): Fixtures {
  return {
    appointmentReminder: {
      id: "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
      name: "appointment_reminder",
      language_code: "en_US",
      category: "UTILITY",
      status: "approved",
      content: "Hi {{1}}, this is a reminder of your appointment on {{2}}.",
      parameter_count: 2,
      business_account_id: BUSINESS_ACCOUNT_ID,
      whatsapp_config_ids: [CONFIG_ID],
      components: [
        {
          type: "HEADER",
          format: "IMAGE",
          example: { header_handle: ["https://example.com/header-image.jpg"] },
        },
        {
          type: "BODY",
          text: "Hi {{1}}, this is a reminder of your appointment on {{2}}.",
          example: { body_text: [["John Smith", "Tomorrow at 2 PM"]] },
        },
        { type: "FOOTER", text: "Reply STOP to opt out" },
      ],
      metadata: {},
      created_at: "2025-03-01T09:30:00Z",
      updated_at: "2025-03-02T11:00:00Z",
    },
    orderUpdate: {
      id: "8d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
      name: "order_update",
      language_code: "en_US",
      category: "UTILITY",
      status: "approved",
      content: "Hello {{customer_name}}, your order {{order_number}} has shipped.",
      parameter_count: 2,
      business_account_id: null,
      whatsapp_config_ids: [],
      components: [
        { type: "HEADER", format: "TEXT", text: "Order update" },
        {
          type: "BODY",
          text: "Hello {{customer_name}}, your order {{order_number}} has shipped.",
          example: {
            body_text_named_params: [
              { param_name: "customer_name", example: "John" },
              { param_name: "order_number", example: "1042" },
            ],
          },
        },
      ],
      metadata: { source: "dashboard" },
      created_at: "2025-04-10T08:00:00Z",
      updated_at: "2025-04-10T08:00:00Z",
    },
    invoiceReady: {
      id: "b7a0e5c2-9d14-4f3a-8e6b-2c5d7f9a1e34",
      name: "invoice_ready",
      language_code: "en_US",
      category: "UTILITY",
      status: "approved",
      content: "Your invoice {{1}} is attached.",
      parameter_count: 1,
      business_account_id: BUSINESS_ACCOUNT_ID,
      whatsapp_config_ids: [CONFIG_ID],
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
    orderShipped: {
      id: "4e8b1d2c-7f3a-4c6e-9b5d-2a1f8e7c6d3b",
      name: "order_shipped",
      language_code: "en_US",
      category: "UTILITY",
      status: "approved",
      content: "Hi {{1}}, your order {{2}} is on its way.",
      parameter_count: 2,
      business_account_id: BUSINESS_ACCOUNT_ID,
      whatsapp_config_ids: [CONFIG_ID],
      components: [
        {
          type: "BODY",
          text: "Hi {{1}}, your order {{2}} is on its way.",
          example: { body_text: [["John Smith", "1042"]] },
        },
        {
          type: "BUTTONS",
          buttons: [
            {
              type: "URL",
              text: "Track order",
              url: "https://example.com/track/{{1}}",
              example: ["https://example.com/track/ABC123"],
            },
            { type: "QUICK_REPLY", text: "Stop updates" },
          ],
        },
      ],
      metadata: {},
      created_at: "2025-02-20T10:15:00Z",
      updated_at: "2025-02-20T10:15:00Z",
    },
    appointmentConfirmation: {
      id: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
      name: "appointment_confirmation",
      language_code: "en_US",
      category: "UTILITY",
      status: "approved",
      content: "Hi {{1}}, your appointment is confirmed for {{2}}.",
      parameter_count: 2,
      business_account_id: BUSINESS_ACCOUNT_ID,
      whatsapp_config_ids: [CONFIG_ID],
      components: [
        {
          type: "HEADER",
          format: "IMAGE",
          example: { header_handle: ["https://example.com/header-image.jpg"] },
        },
        {
          type: "BODY",
          text: "Hi {{1}}, your appointment is confirmed for {{2}}.",
          example: { body_text: [["John Smith", "Tomorrow at 2 PM"]] },
        },
      ],
      metadata: {},
      created_at: "2025-01-15T09:00:00Z",
      updated_at: "2025-01-15T09:00:00Z",
      customer_id: CONFIG_ID,
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
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
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
