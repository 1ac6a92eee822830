// Every operation through the Kapso client against Prism: the requests the client builds
// from its own input fit the spec (Prism reports no violation) and the answers come back as
// the spec's examples, unchanged.
import type { SendTemplateInput } from "@kapsokit/client";
import { describe, expect, it } from "vitest";
import { TEMPLATE_ID, violations } from "../support/clients.js";
import { responseExample } from "../support/spec.js";
import { prismKapso } from "./kapso.js";

const OTHER_ID = "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";

const sends: Record<string, SendTemplateInput> = {
  "positional parameters and a formatted number": {
    to: "+1 (234) 567-89012",
    parameters: ["John Smith", "Tomorrow"],
  },
  "named parameters": { to: "+14155550123", parameters: { customer_name: "John", order_number: "1042" } },
  "a text header": {
    to: "+14155550123",
    parameters: ["John"],
    header: { type: "text", text: "Your appointment" },
  },
  "an image header": {
    to: "+14155550123",
    header: { type: "image", url: "https://example.com/header-image.jpg" },
  },
  "a video header": { to: "+14155550123", header: { type: "video", url: "https://example.com/intro.mp4" } },
  "a document header with a file name": {
    to: "+44 7700 900123",
    parameters: ["INV-2041"],
    header: { type: "document", url: "https://example.com/invoice.pdf", filename: "invoice.pdf" },
  },
  "a document header without a file name": {
    to: "+447700900123",
    header: { type: "document", url: "https://example.com/invoice.pdf" },
  },
  "the sending number and customer picked": {
    to: "+14155550123",
    whatsappConfigId: TEMPLATE_ID,
    customerId: OTHER_ID,
  },
};

describe("Kapso against Prism", () => {
  for (const [name, input] of Object.entries(sends)) {
    it(`sends ${name}, with no contract violation`, async () => {
      const { data, response, requestId } = await prismKapso()
        .templates.send(TEMPLATE_ID, input)
        .withResponse();
      expect(violations(response)).toBeNull();
      expect(response.status).toBe(200);
      expect(data).toEqual(responseExample("sendWhatsappTemplate", "200"));
      expect(requestId).toBeUndefined();
    });
  }

  it("gets a template, with no contract violation", async () => {
    const { data, response } = await prismKapso().templates.get(TEMPLATE_ID).withResponse();
    expect(violations(response)).toBeNull();
    expect(data).toEqual(responseExample("getWhatsappTemplate", "200"));
  });

  it("lists a page with every filter, with no contract violation", async () => {
    const { data, response } = await prismKapso()
      .templates.list({
        page: 2,
        perPage: 50,
        customerId: TEMPLATE_ID,
        name: "reminder",
        languageCode: "en_US",
        category: "UTILITY",
        status: "approved",
      })
      .withResponse();
    expect(violations(response)).toBeNull();
    expect(data).toEqual(responseExample("listWhatsappTemplates", "200"));
  });

  it("walks every page of a list", async () => {
    const names: string[] = [];
    for await (const template of prismKapso().templates.list({ status: "approved" })) {
      names.push(template.name);
    }
    const example = responseExample("listWhatsappTemplates", "200") as { data: { name: string }[] };
    expect(names).toEqual(example.data.map((t) => t.name));
  });

  it("checks a send against the template Prism returns, then sends it", async () => {
    const kapso = prismKapso({ validateAgainstTemplate: true });
    // Prism's template is order_update: named parameters and a text header without placeholders.
    const { response } = await kapso.templates
      .send(TEMPLATE_ID, { to: "+14155550123", parameters: { customer_name: "John", order_number: "1042" } })
      .withResponse();
    expect(violations(response)).toBeNull();
    await expect(
      kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: ["John"] }),
    ).rejects.toMatchObject({ name: "ValidationError" });
  });
});
