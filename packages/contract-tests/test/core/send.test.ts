import type { TemplateMessage } from "@kapsokit/core";
import { describe, expect, it } from "vitest";
import { prismCore, TEMPLATE_ID, violations } from "../support/clients.js";
import { responseExample } from "../support/spec.js";

const sends: Record<string, TemplateMessage> = {
  "positional parameters": {
    phone_number: "+123456789012",
    template_parameters: ["John Smith", "Tomorrow at 2 PM"],
  },
  "named parameters": {
    phone_number: "+14155550123",
    template_parameters: { customer_name: "John", order_number: "1042" },
  },
  "a text header": {
    phone_number: "+14155550123",
    template_parameters: ["John"],
    header_type: "text",
    header_params: "Your appointment",
  },
  "an image header": {
    phone_number: "+14155550123",
    header_type: "image",
    header_params: "https://example.com/header-image.jpg",
  },
  "a video header": {
    phone_number: "+14155550123",
    header_type: "video",
    header_params: "https://example.com/intro.mp4",
  },
  "a document header with a file name": {
    phone_number: "+447700900123",
    template_parameters: ["INV-2041"],
    header_type: "document",
    header_params: "https://example.com/invoice.pdf",
    header_filename: "invoice.pdf",
  },
  "the sending number and customer picked": {
    phone_number: "+14155550123",
    whatsapp_config_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    customer_id: "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
  },
};

describe("POST /whatsapp_templates/{template_id}/send_template through @kapsokit/core", () => {
  for (const [name, template] of Object.entries(sends)) {
    it(`accepts a send with ${name}, with no contract violation`, async () => {
      const { data, error, response } = await prismCore().POST(
        "/whatsapp_templates/{template_id}/send_template",
        { params: { path: { template_id: TEMPLATE_ID } }, body: { template } },
      );
      expect(violations(response)).toBeNull();
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(data).toEqual(responseExample("sendWhatsappTemplate", "200"));
    });
  }
});
