// Named aliases for the generated schema, so users never index into `paths` themselves. Each
// is read from an operation (by its operationId): its request body, its answers, its query.
// A spec that writes its schemas inline instead of under `components` gives the same names,
// and a spec without one of these operations fails to compile with a message naming it.
import type { operations } from "./generated/schema.js";

/** Shown, as a type error, where a name needs an operation the spec does not have. */
interface MissingOperation<Id extends string> {
  "the OpenAPI document has no operation with this operationId": Id;
}

/** The generated description of one operation, or a type error that names the missing one. */
type Operation<Id extends string> = Id extends keyof operations ? operations[Id] : MissingOperation<Id>;

/** The JSON body of an operation's answer with this status. */
type JsonAnswer<Id extends string, Status extends number> =
  Operation<Id> extends {
    responses: { [S in Status]: { content: { "application/json": infer Body } } };
  }
    ? Body
    : MissingOperation<`${Id} (a JSON answer with status ${Status})`>;

/** The JSON request body of an operation. */
type JsonRequest<Id extends string> =
  Operation<Id> extends {
    requestBody: { content: { "application/json": infer Body } };
  }
    ? Body
    : Operation<Id> extends { requestBody?: { content: { "application/json": infer Body } } }
      ? Body
      : MissingOperation<`${Id} (a JSON request body)`>;

// Object types are declared as interfaces, so tools (the API docs, an editor's hover) show
// them by name instead of spelling out their members at every use.
type Named<T> = T extends object ? T : never;

// An interface over a missing operation would still compile, so the operations these names
// are read from are required here: without one, the type-check fails on its line, naming it.
type RequireOperation<Id extends keyof operations> = Id;
/** The operations of the OpenAPI document that kapsokit's names are read from. */
export type RequiredOperations = [
  RequireOperation<"sendWhatsappTemplate">,
  RequireOperation<"getWhatsappTemplate">,
  RequireOperation<"listWhatsappTemplates">,
];

/** The JSON body of a send: `{ template: { phone_number, ... } }`. */
export interface SendTemplateBody extends Named<JsonRequest<"sendWhatsappTemplate">> {}
/** The `template` object inside a send body, in the API's wire shape. */
export interface TemplateMessage extends Named<NonNullable<SendTemplateBody["template"]>> {}
/** The 200 answer of a send. */
export interface SendTemplateResponse extends Named<JsonAnswer<"sendWhatsappTemplate", 200>> {}
/**
 * WhatsApp's own answer to a send: `messages[0].id` is the message id WhatsApp reports the
 * message's status by.
 */
export interface WhatsappSendResult extends Named<SendTemplateResponse["response"]> {}
/** The `{ data }` answer of a template get. */
export interface GetTemplateResponse extends Named<JsonAnswer<"getWhatsappTemplate", 200>> {}
/** One WhatsApp template as the API returns it. */
export interface WhatsappTemplate extends Named<NonNullable<GetTemplateResponse["data"]>> {}
/** One of a template's WhatsApp components (HEADER, BODY, FOOTER, BUTTONS). */
export interface TemplateComponent extends Named<NonNullable<WhatsappTemplate["components"]>[number]> {}
/** One button of a template's BUTTONS component (URL, QUICK_REPLY, PHONE_NUMBER, ...). */
export interface TemplateButton extends Named<NonNullable<TemplateComponent["buttons"]>[number]> {}
/** One page of templates with its paging metadata. */
export interface WhatsappTemplateList extends Named<JsonAnswer<"listWhatsappTemplates", 200>> {}
/** The paging metadata of a template list. */
export interface PageMeta extends Named<NonNullable<WhatsappTemplateList["meta"]>> {}
/** Query parameters of the template list. */
export type ListTemplatesQuery = NonNullable<Operation<"listWhatsappTemplates">["parameters"]["query"]>;
/**
 * The `q[...]` filters of the template list: the `q` object of the spec, or, where a spec
 * lists each filter as a query parameter of its own (`q[name_cont]`), those parameters.
 */
export type TemplateFilters = ListTemplatesQuery extends { q?: infer Filters }
  ? NonNullable<Filters>
  : {
      [Name in keyof ListTemplatesQuery as Name extends `q[${infer Filter}]`
        ? Filter
        : never]: ListTemplatesQuery[Name];
    };
export type TemplateCategory = WhatsappTemplate["category"];
export type TemplateStatus = WhatsappTemplate["status"];
export type HeaderType = NonNullable<TemplateMessage["header_type"]>;
/** Values for `{{1}}`, `{{2}}`, … in order. */
export type PositionalParameters = Extract<
  NonNullable<TemplateMessage["template_parameters"]>,
  readonly unknown[]
>;
/** Values for named placeholders such as `{{customer_name}}`. */
export type NamedParameters = Exclude<
  NonNullable<TemplateMessage["template_parameters"]>,
  readonly unknown[]
>;
/** Values for URL buttons' `{{1}}`, by the button's position: `{ "0": "track123" }`. */
export type ButtonUrlParameters = NonNullable<TemplateMessage["button_url_params"]>;
/** The API's general error body. */
export interface ErrorBody extends Named<JsonAnswer<"getWhatsappTemplate", 404>> {}
/** The 500 body of a send that WhatsApp refused. */
export interface ServiceErrorBody extends Named<JsonAnswer<"sendWhatsappTemplate", 500>> {}
