// The same package through `require` under NodeNext: resolves the .d.cts declarations.
import client = require("@kapsokit/client");

export function clientFor(apiKey: string): client.Kapso {
  return new client.Kapso({ apiKey, maxRetries: 0 });
}

// @ts-expect-error named parameters map to strings
void clientFor("sk_test").templates.send("3c90c3cc-0d44-4b50-8888-8dd25736052a", {
  to: "+14155550123",
  parameters: { name: 1 },
});
