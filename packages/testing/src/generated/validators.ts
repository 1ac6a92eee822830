/**
 * GENERATED FILE - DO NOT EDIT.
 * Source: openapi/kapso.yaml. Regenerate with `pnpm generate` (packages/testing/scripts/generate.mjs).
 */

import type { OperationSpec, Path, Violation } from "../validation/types.js";

const re0 = new RegExp("^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$", "i");
const re1 = new RegExp("^\\d\\d\\d\\d-[0-1]\\d-[0-3]\\d[t\\s](?:[0-2]\\d:[0-5]\\d:[0-5]\\d|23:59:60)(?:\\.\\d+)?(?:z|[+-]\\d\\d(?::?\\d\\d)?)$", "i");
const re2 = new RegExp("^\\+[1-9][0-9]{6,14}$", "u");

/** Pushes every violation of the `TemplateCategory` schema. */
export function validateTemplateCategory(v: unknown, p: Path, e: Violation[]): void {
  if (!(typeof v === "string")) e.push({ path: p, code: "type", message: "must be string" });
  if (!["MARKETING","UTILITY","AUTHENTICATION"].includes(v as never)) e.push({ path: p, code: "enum", message: "must be equal to one of the allowed values: MARKETING, UTILITY, AUTHENTICATION" });
}

/** Pushes every violation of the `TemplateStatusFilter` schema. */
export function validateTemplateStatusFilter(v: unknown, p: Path, e: Violation[]): void {
  if (!(typeof v === "string")) e.push({ path: p, code: "type", message: "must be string" });
  if (!["draft","submitted","approved","rejected","disabled"].includes(v as never)) e.push({ path: p, code: "enum", message: "must be equal to one of the allowed values: draft, submitted, approved, rejected, disabled" });
}

/** Pushes every violation of the `Uuid` schema. */
export function validateUuid(v: unknown, p: Path, e: Violation[]): void {
  if (typeof v === "string") {
    if (!re0.test(v)) e.push({ path: p, code: "format", message: "must match format \"uuid\"" });
  } else e.push({ path: p, code: "type", message: "must be string" });
}

/** Pushes every violation of the `TemplateFilters` schema. */
export function validateTemplateFilters(v: unknown, p: Path, e: Violation[]): void {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o4 = v as Record<string, unknown>;
    if (o4["name_cont"] !== undefined) {
      if (!(typeof o4["name_cont"] === "string")) e.push({ path: [...p, "name_cont"], code: "type", message: "must be string" });
    }
    if (o4["language_code_eq"] !== undefined) {
      if (!(typeof o4["language_code_eq"] === "string")) e.push({ path: [...p, "language_code_eq"], code: "type", message: "must be string" });
    }
    if (o4["category_eq"] !== undefined) {
      validateTemplateCategory(o4["category_eq"], [...p, "category_eq"], e);
    }
    if (o4["status_eq"] !== undefined) {
      validateTemplateStatusFilter(o4["status_eq"], [...p, "status_eq"], e);
    }
    if (o4["customer_id_eq"] !== undefined) {
      validateUuid(o4["customer_id_eq"], [...p, "customer_id_eq"], e);
    }
    for (const key of Object.keys(o4)) if (!["name_cont","language_code_eq","category_eq","status_eq","customer_id_eq"].includes(key)) e.push({ path: p, code: "additionalProperties", message: `must NOT have additional properties; found '${key}'` });
  } else e.push({ path: p, code: "type", message: "must be object" });
}

/** Pushes every violation of the `TemplateStatus` schema. */
export function validateTemplateStatus(v: unknown, p: Path, e: Violation[]): void {
  if (!(typeof v === "string")) e.push({ path: p, code: "type", message: "must be string" });
  if (!["draft","submitted","approved","rejected","disabled","removed"].includes(v as never)) e.push({ path: p, code: "enum", message: "must be equal to one of the allowed values: draft, submitted, approved, rejected, disabled, removed" });
}

/** Pushes every violation of the `TemplateComponent` schema. */
export function validateTemplateComponent(v: unknown, p: Path, e: Violation[]): void {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o24 = v as Record<string, unknown>;
    if (o24["type"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'type'" });
    if (o24["type"] !== undefined) {
      if (!(typeof o24["type"] === "string")) e.push({ path: [...p, "type"], code: "type", message: "must be string" });
      if (!["HEADER","BODY","FOOTER","BUTTONS"].includes(o24["type"] as never)) e.push({ path: [...p, "type"], code: "enum", message: "must be equal to one of the allowed values: HEADER, BODY, FOOTER, BUTTONS" });
    }
    if (o24["format"] !== undefined) {
      if (!(typeof o24["format"] === "string")) e.push({ path: [...p, "format"], code: "type", message: "must be string" });
      if (!["TEXT","IMAGE","VIDEO","DOCUMENT","LOCATION"].includes(o24["format"] as never)) e.push({ path: [...p, "format"], code: "enum", message: "must be equal to one of the allowed values: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION" });
    }
    if (o24["text"] !== undefined) {
      if (!(typeof o24["text"] === "string")) e.push({ path: [...p, "text"], code: "type", message: "must be string" });
    }
    if (o24["example"] !== undefined) {
      if (typeof o24["example"] === "object" && o24["example"] !== null && !Array.isArray(o24["example"])) {
        const o29 = o24["example"] as Record<string, unknown>;
      } else e.push({ path: [...p, "example"], code: "type", message: "must be object" });
    }
    if (o24["buttons"] !== undefined) {
      if (Array.isArray(o24["buttons"])) {
        o24["buttons"].forEach((item: unknown, i: number) => {
          if (typeof item === "object" && item !== null && !Array.isArray(item)) {
            const o32 = item as Record<string, unknown>;
          } else e.push({ path: [...[...p, "buttons"], String(i)], code: "type", message: "must be object" });
        });
      } else e.push({ path: [...p, "buttons"], code: "type", message: "must be array" });
    }
  } else e.push({ path: p, code: "type", message: "must be object" });
}

/** Pushes every violation of the `WhatsappTemplate` schema. */
export function validateWhatsappTemplate(v: unknown, p: Path, e: Violation[]): void {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o14 = v as Record<string, unknown>;
    if (o14["id"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'id'" });
    if (o14["name"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'name'" });
    if (o14["language_code"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'language_code'" });
    if (o14["category"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'category'" });
    if (o14["status"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'status'" });
    if (o14["content"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'content'" });
    if (o14["parameter_count"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'parameter_count'" });
    if (o14["business_account_id"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'business_account_id'" });
    if (o14["whatsapp_config_ids"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'whatsapp_config_ids'" });
    if (o14["components"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'components'" });
    if (o14["metadata"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'metadata'" });
    if (o14["created_at"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'created_at'" });
    if (o14["updated_at"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'updated_at'" });
    if (o14["id"] !== undefined) {
      validateUuid(o14["id"], [...p, "id"], e);
    }
    if (o14["name"] !== undefined) {
      if (!(typeof o14["name"] === "string")) e.push({ path: [...p, "name"], code: "type", message: "must be string" });
    }
    if (o14["language_code"] !== undefined) {
      if (!(typeof o14["language_code"] === "string")) e.push({ path: [...p, "language_code"], code: "type", message: "must be string" });
    }
    if (o14["category"] !== undefined) {
      validateTemplateCategory(o14["category"], [...p, "category"], e);
    }
    if (o14["status"] !== undefined) {
      validateTemplateStatus(o14["status"], [...p, "status"], e);
    }
    if (o14["content"] !== undefined) {
      if (!(typeof o14["content"] === "string")) e.push({ path: [...p, "content"], code: "type", message: "must be string" });
    }
    if (o14["parameter_count"] !== undefined) {
      if (typeof o14["parameter_count"] === "number" && !(o14["parameter_count"] % 1) && !Number.isNaN(o14["parameter_count"])) {
        if (o14["parameter_count"] < 0) e.push({ path: [...p, "parameter_count"], code: "minimum", message: "must be >= 0" });
      } else e.push({ path: [...p, "parameter_count"], code: "type", message: "must be integer" });
    }
    if (o14["business_account_id"] !== undefined) {
      if (!(o14["business_account_id"] === null || typeof o14["business_account_id"] === "string")) e.push({ path: [...p, "business_account_id"], code: "type", message: "must be string" });
    }
    if (o14["whatsapp_config_ids"] !== undefined) {
      if (Array.isArray(o14["whatsapp_config_ids"])) {
        o14["whatsapp_config_ids"].forEach((item: unknown, i: number) => {
          validateUuid(item, [...[...p, "whatsapp_config_ids"], String(i)], e);
        });
      } else e.push({ path: [...p, "whatsapp_config_ids"], code: "type", message: "must be array" });
    }
    if (o14["components"] !== undefined) {
      if (Array.isArray(o14["components"])) {
        o14["components"].forEach((item: unknown, i: number) => {
          validateTemplateComponent(item, [...[...p, "components"], String(i)], e);
        });
      } else e.push({ path: [...p, "components"], code: "type", message: "must be array" });
    }
    if (o14["metadata"] !== undefined) {
      if (typeof o14["metadata"] === "object" && o14["metadata"] !== null && !Array.isArray(o14["metadata"])) {
        const o34 = o14["metadata"] as Record<string, unknown>;
      } else e.push({ path: [...p, "metadata"], code: "type", message: "must be object" });
    }
    if (o14["created_at"] !== undefined) {
      if (typeof o14["created_at"] === "string") {
        if (!re1.test(o14["created_at"])) e.push({ path: [...p, "created_at"], code: "format", message: "must match format \"date-time\"" });
      } else e.push({ path: [...p, "created_at"], code: "type", message: "must be string" });
    }
    if (o14["updated_at"] !== undefined) {
      if (typeof o14["updated_at"] === "string") {
        if (!re1.test(o14["updated_at"])) e.push({ path: [...p, "updated_at"], code: "format", message: "must match format \"date-time\"" });
      } else e.push({ path: [...p, "updated_at"], code: "type", message: "must be string" });
    }
  } else e.push({ path: p, code: "type", message: "must be object" });
}

/** Pushes every violation of the `PageMeta` schema. */
export function validatePageMeta(v: unknown, p: Path, e: Violation[]): void {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o38 = v as Record<string, unknown>;
    if (o38["page"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'page'" });
    if (o38["per_page"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'per_page'" });
    if (o38["total_pages"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'total_pages'" });
    if (o38["total_count"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'total_count'" });
    if (o38["page"] !== undefined) {
      if (typeof o38["page"] === "number" && !(o38["page"] % 1) && !Number.isNaN(o38["page"])) {
        if (o38["page"] < 1) e.push({ path: [...p, "page"], code: "minimum", message: "must be >= 1" });
      } else e.push({ path: [...p, "page"], code: "type", message: "must be integer" });
    }
    if (o38["per_page"] !== undefined) {
      if (typeof o38["per_page"] === "number" && !(o38["per_page"] % 1) && !Number.isNaN(o38["per_page"])) {
        if (o38["per_page"] < 1) e.push({ path: [...p, "per_page"], code: "minimum", message: "must be >= 1" });
      } else e.push({ path: [...p, "per_page"], code: "type", message: "must be integer" });
    }
    if (o38["total_pages"] !== undefined) {
      if (typeof o38["total_pages"] === "number" && !(o38["total_pages"] % 1) && !Number.isNaN(o38["total_pages"])) {
        if (o38["total_pages"] < 0) e.push({ path: [...p, "total_pages"], code: "minimum", message: "must be >= 0" });
      } else e.push({ path: [...p, "total_pages"], code: "type", message: "must be integer" });
    }
    if (o38["total_count"] !== undefined) {
      if (typeof o38["total_count"] === "number" && !(o38["total_count"] % 1) && !Number.isNaN(o38["total_count"])) {
        if (o38["total_count"] < 0) e.push({ path: [...p, "total_count"], code: "minimum", message: "must be >= 0" });
      } else e.push({ path: [...p, "total_count"], code: "type", message: "must be integer" });
    }
  } else e.push({ path: p, code: "type", message: "must be object" });
}

/** Pushes every violation of the `WhatsappTemplateList` schema. */
export function validateWhatsappTemplateList(v: unknown, p: Path, e: Violation[]): void {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o11 = v as Record<string, unknown>;
    if (o11["data"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'data'" });
    if (o11["meta"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'meta'" });
    if (o11["data"] !== undefined) {
      if (Array.isArray(o11["data"])) {
        o11["data"].forEach((item: unknown, i: number) => {
          validateWhatsappTemplate(item, [...[...p, "data"], String(i)], e);
        });
      } else e.push({ path: [...p, "data"], code: "type", message: "must be array" });
    }
    if (o11["meta"] !== undefined) {
      validatePageMeta(o11["meta"], [...p, "meta"], e);
    }
  } else e.push({ path: p, code: "type", message: "must be object" });
}

/** Pushes every violation of the `Error` schema. */
export function validateError(v: unknown, p: Path, e: Violation[]): void {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o44 = v as Record<string, unknown>;
    if (o44["error"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'error'" });
    if (o44["error"] !== undefined) {
      if (!(typeof o44["error"] === "string")) e.push({ path: [...p, "error"], code: "type", message: "must be string" });
    }
    if (o44["status"] !== undefined) {
      if (!(typeof o44["status"] === "number" && !(o44["status"] % 1) && !Number.isNaN(o44["status"]))) e.push({ path: [...p, "status"], code: "type", message: "must be integer" });
    }
    if (o44["message"] !== undefined) {
      if (!(typeof o44["message"] === "string")) e.push({ path: [...p, "message"], code: "type", message: "must be string" });
    }
  } else e.push({ path: p, code: "type", message: "must be object" });
}

/** Pushes every violation of the `SendTemplateResponse` schema. */
export function validateSendTemplateResponse(v: unknown, p: Path, e: Violation[]): void {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o53 = v as Record<string, unknown>;
    if (o53["status"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'status'" });
    if (o53["message"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'message'" });
    if (o53["template_id"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'template_id'" });
    if (o53["template_name"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'template_name'" });
    if (o53["response"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'response'" });
    if (o53["status"] !== undefined) {
      if (!(typeof o53["status"] === "string")) e.push({ path: [...p, "status"], code: "type", message: "must be string" });
      if (!["success"].includes(o53["status"] as never)) e.push({ path: [...p, "status"], code: "enum", message: "must be equal to one of the allowed values: success" });
    }
    if (o53["message"] !== undefined) {
      if (!(typeof o53["message"] === "string")) e.push({ path: [...p, "message"], code: "type", message: "must be string" });
    }
    if (o53["template_id"] !== undefined) {
      validateUuid(o53["template_id"], [...p, "template_id"], e);
    }
    if (o53["template_name"] !== undefined) {
      if (!(typeof o53["template_name"] === "string")) e.push({ path: [...p, "template_name"], code: "type", message: "must be string" });
    }
    if (o53["response"] !== undefined) {
      if (typeof o53["response"] === "object" && o53["response"] !== null && !Array.isArray(o53["response"])) {
        const o58 = o53["response"] as Record<string, unknown>;
      } else e.push({ path: [...p, "response"], code: "type", message: "must be object" });
    }
  } else e.push({ path: p, code: "type", message: "must be object" });
}

/** Pushes every violation of the `ServiceError` schema. */
export function validateServiceError(v: unknown, p: Path, e: Violation[]): void {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o60 = v as Record<string, unknown>;
    if (o60["status"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'status'" });
    if (o60["message"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'message'" });
    if (o60["status"] !== undefined) {
      if (!(typeof o60["status"] === "string")) e.push({ path: [...p, "status"], code: "type", message: "must be string" });
      if (!["error"].includes(o60["status"] as never)) e.push({ path: [...p, "status"], code: "enum", message: "must be equal to one of the allowed values: error" });
    }
    if (o60["message"] !== undefined) {
      if (!(typeof o60["message"] === "string")) e.push({ path: [...p, "message"], code: "type", message: "must be string" });
    }
  } else e.push({ path: p, code: "type", message: "must be object" });
}

/** Pushes every violation of the `PositionalParameters` schema. */
export function validatePositionalParameters(v: unknown, p: Path, e: Violation[]): void {
  if (Array.isArray(v)) {
    v.forEach((item: unknown, i: number) => {
      if (!(typeof item === "string")) e.push({ path: [...p, String(i)], code: "type", message: "must be string" });
    });
  } else e.push({ path: p, code: "type", message: "must be array" });
}

/** Pushes every violation of the `NamedParameters` schema. */
export function validateNamedParameters(v: unknown, p: Path, e: Violation[]): void {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o72 = v as Record<string, unknown>;
    for (const key of Object.keys(o72)) {
      if (!(typeof o72[key] === "string")) e.push({ path: [...p, key], code: "type", message: "must be string" });
    }
  } else e.push({ path: p, code: "type", message: "must be object" });
}

/** Pushes every violation of the `HeaderType` schema. */
export function validateHeaderType(v: unknown, p: Path, e: Violation[]): void {
  if (!(typeof v === "string")) e.push({ path: p, code: "type", message: "must be string" });
  if (!["text","image","video","document"].includes(v as never)) e.push({ path: p, code: "enum", message: "must be equal to one of the allowed values: text, image, video, document" });
}

/** Pushes every violation of the `TemplateMessage` schema. */
export function validateTemplateMessage(v: unknown, p: Path, e: Violation[]): void {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o66 = v as Record<string, unknown>;
    if (o66["phone_number"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'phone_number'" });
    if (o66["phone_number"] !== undefined) {
      if (typeof o66["phone_number"] === "string") {
        if (!re2.test(o66["phone_number"])) e.push({ path: [...p, "phone_number"], code: "pattern", message: "must match pattern \"^\\+[1-9][0-9]{6,14}$\"" });
      } else e.push({ path: [...p, "phone_number"], code: "type", message: "must be string" });
    }
    if (o66["template_parameters"] !== undefined) {
      const b68_0: Violation[] = [];
      {
        const e = b68_0;
        validatePositionalParameters(o66["template_parameters"], [...p, "template_parameters"], e);
      }
      const b68_1: Violation[] = [];
      {
        const e = b68_1;
        validateNamedParameters(o66["template_parameters"], [...p, "template_parameters"], e);
      }
      const passing68 = [b68_0, b68_1].filter((b) => b.length === 0).length;
      if (passing68 !== 1) {
        if (passing68 === 0) for (const b of [b68_0, b68_1]) e.push(...b);
        e.push({ path: [...p, "template_parameters"], code: "oneOf", message: "must match exactly one schema in oneOf" });
      }
    }
    if (o66["header_type"] !== undefined) {
      validateHeaderType(o66["header_type"], [...p, "header_type"], e);
    }
    if (o66["header_params"] !== undefined) {
      if (!(typeof o66["header_params"] === "string")) e.push({ path: [...p, "header_params"], code: "type", message: "must be string" });
    }
    if (o66["header_filename"] !== undefined) {
      if (!(typeof o66["header_filename"] === "string")) e.push({ path: [...p, "header_filename"], code: "type", message: "must be string" });
    }
    if (o66["whatsapp_config_id"] !== undefined) {
      validateUuid(o66["whatsapp_config_id"], [...p, "whatsapp_config_id"], e);
    }
    if (o66["customer_id"] !== undefined) {
      validateUuid(o66["customer_id"], [...p, "customer_id"], e);
    }
    for (const key of Object.keys(o66)) if (!["phone_number","template_parameters","header_type","header_params","header_filename","whatsapp_config_id","customer_id"].includes(key)) e.push({ path: p, code: "additionalProperties", message: `must NOT have additional properties; found '${key}'` });
  } else e.push({ path: p, code: "type", message: "must be object" });
}

/** Pushes every violation of the `SendTemplateBody` schema. */
export function validateSendTemplateBody(v: unknown, p: Path, e: Violation[]): void {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o64 = v as Record<string, unknown>;
    if (o64["template"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'template'" });
    if (o64["template"] !== undefined) {
      validateTemplateMessage(o64["template"], [...p, "template"], e);
    }
    for (const key of Object.keys(o64)) if (!["template"].includes(key)) e.push({ path: p, code: "additionalProperties", message: `must NOT have additional properties; found '${key}'` });
  } else e.push({ path: p, code: "type", message: "must be object" });
}

/** The operations of the spec, in the order it lists them. */
export const operationSpecs: readonly OperationSpec[] = [
  {
    operationId: "listWhatsappTemplates",
    method: "GET",
    path: "/whatsapp_templates",
    parameters: [
      {
        name: "page",
        in: "query",
        required: false,
        style: "form",
        type: "integer",
        validate: (v: unknown, p: Path, e: Violation[]) => {
          if (typeof v === "number" && !(v % 1) && !Number.isNaN(v)) {
            if (v < 1) e.push({ path: p, code: "minimum", message: "must be >= 1" });
          } else e.push({ path: p, code: "type", message: "must be integer" });
        },
      },
      {
        name: "per_page",
        in: "query",
        required: false,
        style: "form",
        type: "integer",
        validate: (v: unknown, p: Path, e: Violation[]) => {
          if (typeof v === "number" && !(v % 1) && !Number.isNaN(v)) {
            if (v < 1) e.push({ path: p, code: "minimum", message: "must be >= 1" });
            if (v > 100) e.push({ path: p, code: "maximum", message: "must be <= 100" });
          } else e.push({ path: p, code: "type", message: "must be integer" });
        },
      },
      {
        name: "customer_id",
        in: "query",
        required: false,
        style: "form",
        type: "string",
        validate: (v: unknown, p: Path, e: Violation[]) => {
          if (typeof v === "string") {
            if (!re0.test(v)) e.push({ path: p, code: "format", message: "must match format \"uuid\"" });
          } else e.push({ path: p, code: "type", message: "must be string" });
        },
      },
      {
        name: "q",
        in: "query",
        required: false,
        style: "deepObject",
        properties: {"name_cont":"string","language_code_eq":"string","category_eq":"string","status_eq":"string","customer_id_eq":"string"},
        validate: (v: unknown, p: Path, e: Violation[]) => {
          validateTemplateFilters(v, p, e);
        },
      },
    ],
    body: null,
    security: ["X-API-Key"],
    statuses: [200,401,422,429,500],
    responses: {
      200: (v: unknown, p: Path, e: Violation[]) => {
        validateWhatsappTemplateList(v, p, e);
      },
      401: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
      422: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
      429: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
      500: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
    },
  },
  {
    operationId: "getWhatsappTemplate",
    method: "GET",
    path: "/whatsapp_templates/{template_id}",
    parameters: [
      {
        name: "template_id",
        in: "path",
        required: true,
        style: "simple",
        type: "string",
        validate: (v: unknown, p: Path, e: Violation[]) => {
          if (typeof v === "string") {
            if (!re0.test(v)) e.push({ path: p, code: "format", message: "must match format \"uuid\"" });
          } else e.push({ path: p, code: "type", message: "must be string" });
        },
      },
    ],
    body: null,
    security: ["X-API-Key"],
    statuses: [200,401,404,422,429,500],
    responses: {
      200: (v: unknown, p: Path, e: Violation[]) => {
        if (typeof v === "object" && v !== null && !Array.isArray(v)) {
          const o50 = v as Record<string, unknown>;
          if (o50["data"] === undefined) e.push({ path: p, code: "required", message: "must have required property 'data'" });
          if (o50["data"] !== undefined) {
            validateWhatsappTemplate(o50["data"], [...p, "data"], e);
          }
        } else e.push({ path: p, code: "type", message: "must be object" });
      },
      401: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
      404: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
      422: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
      429: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
      500: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
    },
  },
  {
    operationId: "sendWhatsappTemplate",
    method: "POST",
    path: "/whatsapp_templates/{template_id}/send_template",
    parameters: [
      {
        name: "template_id",
        in: "path",
        required: true,
        style: "simple",
        type: "string",
        validate: (v: unknown, p: Path, e: Violation[]) => {
          if (typeof v === "string") {
            if (!re0.test(v)) e.push({ path: p, code: "format", message: "must match format \"uuid\"" });
          } else e.push({ path: p, code: "type", message: "must be string" });
        },
      },
    ],
    body: { required: true, validate: validateSendTemplateBody },
    security: ["X-API-Key"],
    statuses: [200,401,404,422,429,500],
    responses: {
      200: (v: unknown, p: Path, e: Violation[]) => {
        validateSendTemplateResponse(v, p, e);
      },
      401: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
      404: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
      422: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
      429: (v: unknown, p: Path, e: Violation[]) => {
        validateError(v, p, e);
      },
      500: (v: unknown, p: Path, e: Violation[]) => {
        validateServiceError(v, p, e);
      },
    },
  },
];
