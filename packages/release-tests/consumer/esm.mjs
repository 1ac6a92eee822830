// Loaded with Node's ESM loader: `import` picks each package's `import` condition.
import { run } from "@kapsokit/cli";
import { Kapso, KapsoError, ValidationError } from "@kapsokit/client";
import { createKapsoMock, fixtures } from "@kapsokit/testing";

const mock = createKapsoMock();
const kapso = new Kapso({ apiKey: "sk_consumer_esm", fetch: mock.fetch, baseUrl: mock.baseUrl });
const sent = await kapso.templates.send(fixtures.orderUpdate.id, {
  to: "+1 (415) 555-0123",
  parameters: { customer_name: "Ada", order_number: "1042" },
  header: { type: "text", text: "Order update" },
});
const refused = await kapso.templates
  .send(fixtures.orderUpdate.id, {
    to: "not a phone",
    parameters: { customer_name: "Ada", order_number: "1" },
  })
  .then(
    () => "sent",
    (error) =>
      error instanceof ValidationError && error instanceof KapsoError ? "ValidationError" : String(error),
  );

console.log(
  JSON.stringify({
    client: import.meta.resolve("@kapsokit/client"),
    testing: import.meta.resolve("@kapsokit/testing"),
    status: sent.status,
    templateName: sent.template_name,
    recorded: mock.sent.map((message) => message.to),
    refused,
    cliRun: typeof run,
  }),
);
