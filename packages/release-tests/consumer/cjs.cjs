// Loaded with require(): each package's `require` condition, the CommonJS build.
const { KapsoError, Kapso, ValidationError } = require("@kapsokit/client");
const { createKapsoMock, fixtures } = require("@kapsokit/testing");
const { run } = require("@kapsokit/cli");

async function main() {
  const mock = createKapsoMock();
  const kapso = new Kapso({ apiKey: "sk_consumer_cjs", fetch: mock.fetch, baseUrl: mock.baseUrl });
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
      client: require.resolve("@kapsokit/client"),
      testing: require.resolve("@kapsokit/testing"),
      status: sent.status,
      templateName: sent.template_name,
      recorded: mock.sent.map((message) => message.to),
      refused,
      cliRun: typeof run,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
