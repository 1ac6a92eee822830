import type { SendTemplateBody, SendTemplateResponse } from "@kapsokit/core";
import { documentedBody } from "../answers.js";
import type { Handler } from "../exchange.js";
import { templateMismatch } from "../template-checks.js";

/**
 * `POST /whatsapp_templates/{template_id}/send_template`: a 404 for a template the store does
 * not have, a 422 in the API's words for a send that does not fit it (unless template checks
 * are off), and otherwise WhatsApp's answer with a fresh message id; the send is recorded.
 */
export const sendTemplate: Handler = (exchange, state) => {
  const template = state.templates.get(exchange.pathParams.template_id!);
  if (!template) {
    return { status: 404, body: documentedBody(exchange.operation.operationId, 404) };
  }
  const message = (exchange.body as SendTemplateBody).template;
  if (state.templateChecks) {
    const mismatch = templateMismatch(template, message);
    if (mismatch) {
      return { status: 422, body: { error: mismatch } };
    }
  }
  const messageId = state.accept({
    templateId: template.id,
    templateName: template.name,
    to: message.phone_number,
    template: structuredClone(message),
    storedTemplate: template,
    call: exchange.call,
  });
  const body: SendTemplateResponse = {
    status: "success",
    message: "Template message sent successfully",
    template_id: template.id,
    template_name: template.name,
    response: {
      messaging_product: "whatsapp",
      contacts: [{ input: message.phone_number, wa_id: message.phone_number.slice(1) }],
      messages: [{ id: messageId, message_status: "accepted" }],
    },
  };
  return { status: 200, body };
};
