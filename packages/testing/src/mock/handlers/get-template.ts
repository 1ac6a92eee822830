import type { GetTemplateResponse } from "@kapsokit/core";
import { documentedBody } from "../answers.js";
import type { Handler } from "../exchange.js";
import { toWire } from "../template-store.js";

/** `GET /whatsapp_templates/{template_id}`: the stored template, or the documented 404. */
export const getTemplate: Handler = (exchange, state) => {
  const template = state.templates.get(exchange.pathParams.template_id!);
  if (!template) {
    return { status: 404, body: documentedBody(exchange.operation.operationId, 404) };
  }
  const body: GetTemplateResponse = { data: toWire(template) };
  return { status: 200, body };
};
