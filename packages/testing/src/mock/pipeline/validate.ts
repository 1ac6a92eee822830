import { describeViolation, validateRequest } from "../../validation/request.js";
import { validationBody } from "../answers.js";
import type { Exchange, Stage } from "../exchange.js";
import { jsonBody } from "./parse-body.js";

function check(exchange: Exchange, body: unknown) {
  const { operation, pathParams, url, request, bodyText } = exchange;
  return validateRequest(operation, {
    pathParams,
    query: url.searchParams,
    headers: request.headers,
    bodyText,
    body,
  });
}

/** A 422 listing every way the request breaks the spec: parameters, body, media type. */
export const validate: Stage = (exchange) => {
  const { violations, parameters } = check(exchange, exchange.body);
  exchange.parameters = parameters;
  exchange.call.violations = violations.map(describeViolation);
  return violations.length > 0 ? { status: 422, body: validationBody(violations) } : null;
};

/**
 * How a request breaks the spec, for a request that a fault answers before the stages run:
 * the body read as the body stage reads it, then the same check as {@link validate}.
 */
export function specViolations(exchange: Exchange): string[] {
  const body = jsonBody(exchange);
  if (body?.error) {
    return [`the body is not valid JSON: ${body.error.message}`];
  }
  return check(exchange, body?.value).violations.map(describeViolation);
}
