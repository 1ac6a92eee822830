/**
 * GENERATED FILE - DO NOT EDIT.
 * Source: openapi/kapso.yaml. Regenerate with `pnpm generate` (packages/testing/scripts/generate.mjs).
 */

import type { OperationSpec } from "../validation/types.js";
import * as validators from "./validators.js";

/** The operations of the spec, in the order it lists them. */
export const operationSpecs: readonly OperationSpec[] = [
  {
    operationId: "listWhatsappTemplates",
    method: "GET",
    path: "/whatsapp_templates",
    parameters: [{"name":"page","in":"query","required":false,"style":"form","explode":true,"shape":{"type":"integer"}},{"name":"per_page","in":"query","required":false,"style":"form","explode":true,"shape":{"type":"integer"}},{"name":"customer_id","in":"query","required":false,"style":"form","explode":true,"shape":{"type":"string"}},{"name":"business_account_id","in":"query","required":false,"style":"form","explode":true,"shape":{"type":"string"}},{"name":"whatsapp_config_id","in":"query","required":false,"style":"form","explode":true,"shape":{"type":"string"}},{"name":"q","in":"query","required":false,"style":"deepObject","explode":true,"shape":{"type":"object","properties":{"name_cont":{"type":"string"},"language_code_eq":{"type":"string"},"category_eq":{"type":"string"},"status_eq":{"type":"string"},"customer_id_eq":{"type":"string"},"business_account_id_eq":{"type":"string"},"whatsapp_config_id_eq":{"type":"string"}}}}],
    validateParameters: { query: validators.v0 },
    body: null,
    security: [[{"type":"apiKey","in":"header","name":"X-API-Key"}]],
    statuses: ["200","401","422","429","500"],
  },
  {
    operationId: "getWhatsappTemplate",
    method: "GET",
    path: "/whatsapp_templates/{template_id}",
    parameters: [{"name":"template_id","in":"path","required":true,"style":"simple","explode":false,"shape":{"type":"string"}}],
    validateParameters: { path: validators.v6 },
    body: null,
    security: [[{"type":"apiKey","in":"header","name":"X-API-Key"}]],
    statuses: ["200","401","404","422","429","500"],
  },
  {
    operationId: "sendWhatsappTemplate",
    method: "POST",
    path: "/whatsapp_templates/{template_id}/send_template",
    parameters: [{"name":"template_id","in":"path","required":true,"style":"simple","explode":false,"shape":{"type":"string"}}],
    validateParameters: { path: validators.v13 },
    body: { required: true, contents: [{ mediaType: "application/json", validate: validators.v14 }] },
    security: [[{"type":"apiKey","in":"header","name":"X-API-Key"}]],
    statuses: ["200","401","404","422","429","500"],
  },
];
