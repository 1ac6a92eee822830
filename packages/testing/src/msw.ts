// MSW handlers that answer with the Kapso mock, for suites that already intercept with msw 2.
import { HttpResponse, http, type RequestHandler } from "msw";
import { createKapsoMock, type KapsoMock } from "./mock/create-kapso-mock.js";
import { isMockNetworkError } from "./mock/faults.js";

export interface KapsoHandlersOptions {
  /** The mock that answers; a new one when absent. */
  mock?: KapsoMock;
  /** The base URL to intercept; the mock's by default (`https://app.kapso.ai/api/v1`). */
  baseUrl?: string;
}

/**
 * MSW request handlers that route every request under the base URL to the Kapso mock.
 * Network faults become `HttpResponse.error()`, which msw turns into a failed `fetch`.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node";
 * import { createKapsoMock } from "@kapsokit/testing";
 * import { createKapsoHandlers } from "@kapsokit/testing/msw";
 *
 * const mock = createKapsoMock();
 * const server = setupServer(...createKapsoHandlers({ mock }));
 * server.listen();
 * ```
 */
export function createKapsoHandlers(options: KapsoHandlersOptions = {}): RequestHandler[] {
  const mock = options.mock ?? createKapsoMock({ baseUrl: options.baseUrl });
  const baseUrl = (options.baseUrl ?? mock.baseUrl).replace(/\/+$/, "");
  return [
    http.all(`${baseUrl}/*`, async ({ request }) => {
      try {
        return await mock.handle(request);
      } catch (error) {
        if (isMockNetworkError(error)) {
          return HttpResponse.error();
        }
        throw error;
      }
    }),
  ];
}
