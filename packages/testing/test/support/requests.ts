import type { KapsoMock } from "../../src/index.js";

export const API_KEY = "sk_test_secret_0123456789";

/** A send through the mock's own fetch, in the wire shape. */
export function send(
  mock: KapsoMock,
  templateId: string,
  template: Record<string, unknown>,
  init: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Response> {
  return mock.fetch(`${mock.baseUrl}/whatsapp_templates/${templateId}/send_template`, {
    method: "POST",
    headers: { "X-API-Key": API_KEY, "Content-Type": "application/json", ...init.headers },
    body: JSON.stringify({ template }),
    signal: init.signal,
  });
}

/** A GET through the mock's own fetch, relative to its base URL. */
export function get(mock: KapsoMock, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return mock.fetch(`${mock.baseUrl}${path}`, { headers: { "X-API-Key": API_KEY, ...headers } });
}
