// A small strict program against the published types, checked under NodeNext and Bundler.
import { type Kapso, RateLimitError, ValidationError } from "@kapsokit/client";
import type { SendTemplateResponse, WhatsappTemplate } from "@kapsokit/core";

const TEMPLATE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

export async function remind(kapso: Kapso, to: string): Promise<string> {
  try {
    const sent: SendTemplateResponse = await kapso.templates.send(TEMPLATE_ID, {
      to,
      parameters: ["John Smith", "Tomorrow at 2 PM"],
      header: { type: "image", url: "https://example.com/header-image.jpg" },
    });
    return sent.template_name;
  } catch (error) {
    if (error instanceof RateLimitError) {
      return `retry in ${error.retryAfter} ms`;
    }
    if (error instanceof ValidationError) {
      return error.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    }
    throw error;
  }
}

export async function approved(kapso: Kapso): Promise<WhatsappTemplate[]> {
  const templates: WhatsappTemplate[] = [];
  for await (const template of kapso.templates.list({ status: "approved" })) {
    templates.push(template);
  }
  const first = await kapso.templates.list({ status: "approved", perPage: 50 });
  return first.data.length > 0 ? templates : [];
}

export function wrongShapes(kapso: Kapso): void {
  const id = TEMPLATE_ID;
  const to = "+14155550123";
  // @ts-expect-error parameters are strings, positional or named, never numbers
  void kapso.templates.send(id, { to, parameters: [1, 2] });
  // @ts-expect-error a document header carries a url, not text
  void kapso.templates.send(id, { to, header: { type: "document", text: "Invoice" } });
  // @ts-expect-error the recipient is required
  void kapso.templates.send(id, { parameters: ["John Smith"] });
}
