// The client on @kapsokit/testing's mock, which checks every request against the spec and
// answers as the API does. The mock accepts API_KEY alone, so a call that succeeds proves
// which key went out (the mock's records show it as "[redacted]").
import {
  createFixtures,
  createKapsoMock,
  defineTemplate,
  type KapsoMock,
  type KapsoMockOptions,
} from "@kapsokit/testing";
import { Kapso, type KapsoOptions } from "../../src/index.js";

export const API_KEY = "kapso_live_7d1f0c2a9b8e4d3c";

/** A template id the mock does not have: the API answers 404 for it. */
export const MISSING_TEMPLATE_ID = "0d9f8e7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f";

/**
 * A template without placeholders, header or buttons, and the send that fits it: a number
 * alone. The client checks such a send without loading a module on demand (it does for
 * headers and buttons), so a test on fake timers can run the timers as soon as the call starts.
 */
export const notice = {
  id: "5a7c9e1b-3d2f-4a6b-8c0e-2f4a6c8e0b1d",
  input: { to: "+14155550123" },
  template: defineTemplate({
    id: "5a7c9e1b-3d2f-4a6b-8c0e-2f4a6c8e0b1d",
    name: "service_notice",
    content: "Your service window opens tomorrow.",
  }),
} as const;

/**
 * A fresh mock (seeded with `mockOptions.templates`, by default the fixtures and `notice`,
 * and accepting only API_KEY unless told otherwise) and a client on it.
 */
export function kapsoOnMock(
  clientOptions: Omit<KapsoOptions, "fetch"> = {},
  mockOptions: KapsoMockOptions = {},
): { mock: KapsoMock; kapso: Kapso } {
  const mock = createKapsoMock({
    apiKeys: [API_KEY],
    templates: [...Object.values(createFixtures()), notice.template],
    ...mockOptions,
  });
  made.push(mock);
  const kapso = new Kapso({ apiKey: API_KEY, baseUrl: mock.baseUrl, fetch: mock.fetch, ...clientOptions });
  return { mock, kapso };
}

/** The mocks `kapsoOnMock` made since `expectRequestsKeptToTheSpec` last looked. */
const made: KapsoMock[] = [];

/**
 * Throws, naming each one, unless every request received by the mocks `kapsoOnMock` made
 * (since the last call) keeps to the spec. A fault answers before the mock checks anything,
 * as a failing server would, and a test that expects an error cannot tell the API's 422 from
 * the mock's spec check; so each request is replayed here on a fresh mock without faults or
 * template checks, which names what breaks the spec. Meant for `afterEach`.
 */
export async function expectRequestsKeptToTheSpec(): Promise<void> {
  const broken: string[] = [];
  for (const mock of made.splice(0)) {
    const judge = createKapsoMock({ baseUrl: mock.baseUrl, templateChecks: false });
    for (const call of mock.calls) {
      const body =
        call.body === undefined || typeof call.body === "string" ? call.body : JSON.stringify(call.body);
      await judge.fetch(call.url, { method: call.method, headers: call.headers, body });
      const judged = judge.calls.at(-1)!;
      const status = judged.response?.status;
      // 404 is an unknown template (without template checks, the only other answers are 200s).
      if (judged.operation === null || (status !== 200 && status !== 404)) {
        broken.push(`${call.method} ${call.url}: ${status} ${JSON.stringify(judged.response?.body)}`);
      }
    }
  }
  if (broken.length > 0) {
    throw new Error(`requests that break the spec:\n${broken.join("\n")}`);
  }
}
