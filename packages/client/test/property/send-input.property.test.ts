// For any input at all, a send either puts on the wire a request that the spec accepts, or
// throws ValidationError without calling fetch: never both, never neither.

import { specExamples } from "@kapsokit/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Kapso, type SendTemplateInput, ValidationError } from "../../src/index.js";
import { validateSendBody, validateTemplateId } from "../support/spec-validator.js";

// A hand-made fetch rather than @kapsokit/testing's mock: the requests are judged by
// validators compiled here from the spec, any template id at all must be answered, and
// through the mock these 5,000 runs took about 1.45 times as long.
const sendAnswer = specExamples.sendWhatsappTemplate.responses["200"];

/** A `fetch(input, init)` that hands the request to `handler`, as the platform's fetch is called. */
const fetchOf =
  (handler: (request: Request) => Promise<Response>) =>
  (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    handler(new Request(input, init));

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const separator = fc.constantFrom("", " ", "-", ".", "(", ")", "\t");

// Each field mixes values the API accepts (weighted up, so that whole inputs are often valid)
// with near misses and anything at all.

/** Phone numbers: E.164 written with separators, near misses, and anything. */
const phone = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.tuple(separator, digits(1, 4)), { minLength: 2, maxLength: 4 }),
      )
      .map(([first, groups]) => `+${first}${groups.map(([s, d]) => s + d).join("")}`),
  },
  digits(0, 18).map((d) => `+${d}`),
  digits(0, 18),
  fc.string(),
  fc.constantFrom("+1 415 555 0123", "+44 (20) 7946-0958", "++14155550123", " +14155550123 ", "+1415555CALL"),
  fc.anything(),
);

const uuid = fc.uuid();
const id = fc.oneof(
  { weight: 12, arbitrary: uuid },
  fc.string(),
  fc.constantFrom("urn:uuid:3c90c3cc-0d44-4b50-8888-8dd25736052a"),
  fc.anything(),
);
const optionalId = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: uuid },
  fc.string(),
  fc.integer(),
);

const text = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.constantFrom("", " ", "\n", "John Smith", "Tomorrow at 2 PM", "\u{1F600}", "\uD800"),
);
const parameterValue = fc.oneof(
  { weight: 5, arbitrary: text },
  fc.integer(),
  fc.constant(null),
  fc.anything(),
);
const parameterName = fc.oneof(
  fc.stringMatching(/^[a-z0-9_]{1,12}$/),
  fc.string(),
  fc.constantFrom("__proto__", "constructor", "Customer Name", "toString"),
);
const parameters = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 4,
    arbitrary: fc.array(
      fc.string({ minLength: 1 }).filter((v) => !!v.trim()),
      { maxLength: 5 },
    ),
  },
  fc.array(text, { maxLength: 5 }),
  fc.array(parameterValue, { maxLength: 5 }),
  fc.sparseArray(text, { maxLength: 5 }),
  {
    weight: 4,
    arbitrary: fc.dictionary(fc.stringMatching(/^[a-z0-9_]{1,12}$/), fc.constantFrom("John", "1042"), {
      maxKeys: 4,
    }),
  },
  fc.dictionary(fc.stringMatching(/^[a-z0-9_]{1,12}$/), text, { maxKeys: 4 }),
  fc.dictionary(parameterName, parameterValue, { maxKeys: 4 }),
  fc.anything(),
);

const url = fc.oneof(
  fc.webUrl({ validSchemes: ["https"] }),
  fc.webUrl({ validSchemes: ["http", "ftp"] }),
  fc.constantFrom("https://example.com/a.jpg", "https:/x", "https://", "example.com/a.pdf", ""),
  fc.string(),
);
const header = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.record({ type: fc.constantFrom("image", "video"), url: fc.webUrl({ validSchemes: ["https"] }) }),
      fc.record(
        {
          type: fc.constant("document"),
          url: fc.webUrl({ validSchemes: ["https"] }),
          filename: fc.constantFrom("a.pdf", "Invoice 7.pdf"),
        },
        { requiredKeys: ["type", "url"] },
      ),
      fc.record({ type: fc.constant("text"), text: fc.constantFrom("Your order", "Hi") }),
    ),
  },
  fc.record(
    {
      type: fc.oneof(fc.constantFrom("text", "image", "video", "document"), fc.string()),
      url,
      text,
      filename: fc.oneof(fc.constant(undefined), text),
    },
    { requiredKeys: ["type"] },
  ),
  fc.anything(),
);

const buttons = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  {
    weight: 3,
    arbitrary: fc.dictionary(fc.stringMatching(/^[0-9]$/), fc.constantFrom("track123", "ABC-1"), {
      maxKeys: 3,
    }),
  },
  fc.dictionary(fc.oneof(fc.stringMatching(/^[0-9]{1,3}$/), fc.string()), parameterValue, { maxKeys: 3 }),
  fc.array(text, { maxLength: 3 }),
  fc.anything(),
);

const input = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(
      { to: phone, parameters, header, buttons, whatsappConfigId: optionalId, customerId: optionalId },
      { requiredKeys: [] },
    ),
  },
  fc.record({ to: phone, phone: fc.string() }),
  fc.anything(),
);

// Hundreds of generated inputs each: more than the default 5 s on a loaded 2-core machine.
describe("templates.send over any input", { timeout: 60_000 }, () => {
  it("either sends a spec-valid request or throws ValidationError before any request", async () => {
    let requests: { url: string; body: unknown }[] = [];
    const fetch = fetchOf(async (request) => {
      requests.push({ url: request.url, body: JSON.parse(await request.text()) });
      return Response.json(sendAnswer);
    });
    const kapso = new Kapso({ apiKey: "kapso_property_key", fetch, logLevel: "off" });
    const seen = { sent: 0, refused: 0 };

    await fc.assert(
      fc.asyncProperty(id, input, async (templateId, sendInput) => {
        requests = [];
        const outcome = await kapso.templates.send(templateId as string, sendInput as SendTemplateInput).then(
          (data) => ({ data }),
          (error: unknown) => ({ error }),
        );
        if ("data" in outcome) {
          seen.sent++;
          expect(requests).toHaveLength(1);
          const [request] = requests;
          expect(validateSendBody(request?.body), JSON.stringify(validateSendBody.errors)).toBe(true);
          const pathId = decodeURIComponent(new URL(request!.url).pathname.split("/")[4]!);
          expect(validateTemplateId(pathId)).toBe(true);
          expect(outcome.data).toEqual(sendAnswer);
        } else {
          seen.refused++;
          expect(outcome.error).toBeInstanceOf(ValidationError);
          expect((outcome.error as ValidationError).issues.length).toBeGreaterThan(0);
          expect(requests).toHaveLength(0);
        }
      }),
      { numRuns: 3000 },
    );
    // Both outcomes were exercised, so neither half of the property holds vacuously.
    expect(seen.sent).toBeGreaterThan(150);
    expect(seen.refused).toBeGreaterThan(150);
  });

  it("accepts every E.164 number written with spaces, dashes, dots and brackets, and sends its digits", async () => {
    let sent: unknown;
    const fetch = fetchOf(async (request) => {
      sent = (await request.json()).template.phone_number;
      return Response.json(sendAnswer);
    });
    const kapso = new Kapso({ apiKey: "kapso_property_key", fetch, logLevel: "off" });
    const e164 = fc.tuple(fc.integer({ min: 1, max: 9 }), digits(6, 14));
    await fc.assert(
      fc.asyncProperty(
        e164,
        fc.array(separator, { minLength: 20, maxLength: 20 }),
        async ([first, rest], seps) => {
          const written = `+${first}${[...rest].map((d, i) => seps[i] + d).join("")}`;
          await kapso.templates.send("3c90c3cc-0d44-4b50-8888-8dd25736052a", { to: written });
          expect(sent).toBe(`+${first}${rest}`);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
