import type {
  TemplateCategory,
  TemplateStatus,
  RequestOptions as TransportRequestOptions,
} from "@kapsokit/core";

/**
 * A template's header content: a media URL (https) or text. `filename` is the name a
 * `document` shows; the API ignores it with an image or a video, and the client sends it
 * anyway, as the API's own example does.
 */
export type TemplateHeader =
  | { type: "image" | "video" | "document"; url: string; filename?: string }
  | { type: "text"; text: string };

/** What to send: the recipient, the placeholder values, the header and the URL buttons. */
export interface SendTemplateInput {
  /** The recipient's phone number with its country code; spaces, dashes and brackets are fine. */
  to: string;
  /** Values for `{{1}}`, `{{2}}`, … (an array) or for named placeholders (an object). */
  parameters?: string[] | Record<string, string>;
  header?: TemplateHeader;
  /**
   * The text for the `{{1}}` at the end of a URL button's address, by the button's position
   * among the template's buttons, from 0: `{ 0: "track123" }` makes the first button open
   * `https://example.com/track/track123`. Sent as `button_url_params`.
   */
  buttons?: Record<number, string>;
  /** The WhatsApp number to send from (a UUID). */
  whatsappConfigId?: string;
  /** The customer whose number sends (a UUID). */
  customerId?: string;
}

/** Which templates to list, and which page. */
export interface ListTemplatesParams {
  /** Page number, from 1. */
  page?: number;
  /** Templates per page, 1–100. */
  perPage?: number;
  /** Only templates of this customer (a UUID). */
  customerId?: string;
  /** Only templates of this WhatsApp Business Account (Meta's id, a string of digits). */
  businessAccountId?: string;
  /** Only templates this WhatsApp number can send (a UUID). */
  whatsappConfigId?: string;
  /** Name contains this text. */
  name?: string;
  /** Language code, such as `en_US`. */
  languageCode?: string;
  category?: TemplateCategory;
  status?: Exclude<TemplateStatus, "removed">;
}

/** Settings of one call; each overrides the client's option of the same name. */
export interface RequestOptions extends TransportRequestOptions {
  /** Extra headers for this request. */
  headers?: Record<string, string>;
  /** Check a send against the template first (sends only). */
  validateAgainstTemplate?: boolean;
}

/** The data of a call together with the raw `Response` and the server's request id. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
}

/** The promise of a call: await it for the data, or call `withResponse()` for the response too. */
export type APIPromise<T> = Promise<T> & { withResponse(): Promise<WithResponse<T>> };

/** One page when awaited, every item of every page when iterated with `for await`. */
export type PagePromise<Page, Item> = APIPromise<Page> & AsyncIterable<Item>;
