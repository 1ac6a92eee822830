/** The production base URL of the Kapso API. */
export const DEFAULT_BASE_URL = "https://app.kapso.ai/api/v1";

/** Where and as whom requests are sent. */
export interface Connection {
  /** The API key sent as `X-API-Key`. */
  apiKey: string;
  /** Defaults to {@link DEFAULT_BASE_URL}. */
  baseUrl?: string | undefined;
  /** Extra headers sent with every request; they cannot replace the API key or User-Agent. */
  headers?: Record<string, string> | undefined;
}
