// The same package through `require` under NodeNext: resolves the .d.cts declarations.
import client = require("@kapsokit/client");

export function clientFor(apiKey: string): client.Kapso {
  return new client.Kapso({ apiKey, maxRetries: 0 });
}

export function wrongNamedParameters(kapso: client.Kapso): void {
  const id = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  // @ts-expect-error named parameters map to strings
  void kapso.templates.send(id, { to: "+14155550123", parameters: { n: 1 } });
}
