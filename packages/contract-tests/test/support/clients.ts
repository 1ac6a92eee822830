import { createClient, type KapsoFetchClient } from "@kapsokit/core";
import { inject } from "vitest";

export const TEMPLATE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
export const API_KEY = "test_key_contract_0123456789";

/** A core client pointed at the run's Prism server. */
export function prismCore(headers?: Record<string, string>): KapsoFetchClient {
  return createClient({ apiKey: API_KEY, baseUrl: inject("prismUrl"), headers });
}

/** Prism reports contract violations of an accepted request in this header. */
export function violations(response: Response): string | null {
  return response.headers.get("sl-violations");
}
