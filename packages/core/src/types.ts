// Named aliases for the generated schema, so users never index into `paths` themselves.
import type { components, operations } from "./generated/schema.js";

type Schemas = components["schemas"];

/** The JSON body of a send: `{ template: { phone_number, ... } }`. */
export type SendTemplateBody = Schemas["SendTemplateBody"];
/** The `template` object inside a send body, in the API's wire shape. */
export type TemplateMessage = Schemas["TemplateMessage"];
/** The 200 answer of a send. */
export type SendTemplateResponse = Schemas["SendTemplateResponse"];
/** One WhatsApp template as the API returns it. */
export type WhatsappTemplate = Schemas["WhatsappTemplate"];
/** One of a template's WhatsApp components (HEADER, BODY, FOOTER, BUTTONS). */
export type TemplateComponent = Schemas["TemplateComponent"];
/** One page of templates with its paging metadata. */
export type WhatsappTemplateList = Schemas["WhatsappTemplateList"];
/** The paging metadata of a template list. */
export type PageMeta = Schemas["PageMeta"];
/** The `{ data }` answer of a template get. */
export type GetTemplateResponse =
  operations["getWhatsappTemplate"]["responses"][200]["content"]["application/json"];
/** Query parameters of the template list. */
export type ListTemplatesQuery = NonNullable<operations["listWhatsappTemplates"]["parameters"]["query"]>;
/** The `q[...]` filters of the template list. */
export type TemplateFilters = Schemas["TemplateFilters"];
export type TemplateCategory = Schemas["TemplateCategory"];
export type TemplateStatus = Schemas["TemplateStatus"];
export type HeaderType = Schemas["HeaderType"];
/** Values for `{{1}}`, `{{2}}`, … in order. */
export type PositionalParameters = Schemas["PositionalParameters"];
/** Values for named placeholders such as `{{customer_name}}`. */
export type NamedParameters = Schemas["NamedParameters"];
/** The API's general error body. */
export type ErrorBody = Schemas["Error"];
/** The 500 body of a send that WhatsApp refused. */
export type ServiceErrorBody = Schemas["ServiceError"];
