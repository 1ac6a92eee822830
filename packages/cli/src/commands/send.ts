// `kapsokit send <template-id> --to <phone> --param <v> …`: one template message.
import { type Kapso, type SendTemplateInput, ValidationError, type ValidationIssue } from "@kapsokit/client";
import { parseCommand } from "../args.js";
import { createKapso } from "../client.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { PreviewCollector, previewColors } from "../output/preview.js";
import { fitProblems, type GivenSend } from "../template/fit.js";
import { shapeOf } from "../template/shape.js";
import { buttonsFromFlags } from "./button-flags.js";
import { HEADER_OPTIONS, headerFromFlags } from "./header-flags.js";

export const SEND_HELP = `Usage: kapsokit send <template-id> --to <phone> [--param <value> …] [options]

Sends one template message.

  --to <phone>               the recipient, with country code (+1 415 555 0123)
  --param <value>            a positional parameter, {{1}}, {{2}}, … in order (repeat it)
  --param <name>=<value>     a named parameter, {{name}} (repeat it)
  --positional               treat every --param as positional, even with an "="
  --header-image <url>       an image header (https URL)
  --header-video <url>       a video header
  --header-document <url>    a document header
  --header-text <text>       a text header
  --filename <name>          the file name a document header shows (the API ignores it with
                             an image or a video)
  --button <position>=<text> the text for the {{1}} in the address of the URL button at
                             <position>, counted from 0 (repeat it for each URL button)
  --whatsapp-config-id <id>  the WhatsApp number to send from
  --customer-id <id>         the customer whose number sends
  --dry-run                  check everything (against the template too), send nothing,
                             and show the message as the customer would see it
  --json                     print the result as JSON
  --base-url <url>           the API's base URL (default KAPSO_BASE_URL, then the Kapso API)
`;

const NAMED = /^([a-z\d_]+)=(.*)$/s;

/** Positional values, or named ones when every value is `name=value`. */
export function parametersFromFlags(values: string[], positional: boolean): SendTemplateInput["parameters"] {
  if (values.length === 0) {
    return undefined;
  }
  if (positional) {
    return values;
  }
  const named = values.map((value) => NAMED.exec(value));
  if (named.every((match) => match !== null)) {
    return Object.fromEntries(named.map((match) => [match![1]!, match![2]!]));
  }
  if (named.some((match) => match !== null)) {
    throw new UsageError(
      "some --param values are name=value and some are not; a template uses one kind (add --positional if the values contain =)",
    );
  }
  return values;
}

export async function send(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand("send", args, {
    to: { type: "string" },
    param: { type: "string", multiple: true },
    button: { type: "string", multiple: true },
    positional: { type: "boolean" },
    "whatsapp-config-id": { type: "string" },
    "customer-id": { type: "string" },
    "dry-run": { type: "boolean" },
    ...HEADER_OPTIONS,
  });
  if (values.help) {
    io.stdout.write(SEND_HELP);
    return EXIT.ok;
  }
  const [templateId, ...extra] = positionals;
  if (!templateId) {
    throw new UsageError('missing <template-id>. Run "kapsokit send --help" for usage.');
  }
  if (extra.length) {
    throw new UsageError(`unexpected argument "${extra[0]}" (values go after --param)`);
  }
  if (!values.to) {
    throw new UsageError('missing --to <phone>. Run "kapsokit send --help" for usage.');
  }

  const input: SendTemplateInput = { to: values.to };
  const parameters = parametersFromFlags(values.param ?? [], values.positional === true);
  if (parameters) {
    input.parameters = parameters;
  }
  const header = headerFromFlags(values);
  if (header) {
    input.header = header;
  }
  const buttons = buttonsFromFlags(values.button ?? []);
  if (buttons) {
    input.buttons = buttons;
  }
  if (values["whatsapp-config-id"]) {
    input.whatsappConfigId = values["whatsapp-config-id"];
  }
  if (values["customer-id"]) {
    input.customerId = values["customer-id"];
  }

  let wire: unknown;
  const kapso = createKapso(io, {
    baseUrl: values["base-url"],
    dryRun: values["dry-run"],
    onDryRunSend: (body) => {
      wire = body;
    },
  });
  const { data, requestId } = await kapso.templates
    .send(templateId, input, { signal: io.abort })
    .withResponse()
    .catch(async (error: unknown) => {
      throw await inFlagWords(error, kapso, templateId, {
        from: "flags",
        parameters: givenParameters(parameters),
        headerFlag: header?.type,
      });
    });
  if (values["dry-run"]) {
    const json = values.json === true;
    const preview = json ? "" : await previewOf(kapso, templateId, wire, io);
    return reportDryRun(io, { templateId, to: input.to, wire, json, preview });
  }
  // WhatsApp's id of the message, which its delivery and read receipts carry.
  const messageId = data.response.messages[0].id;
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ status: "sent", templateId, messageId, requestId, data })}\n`);
  } else {
    const ids = [`message ${messageId}`, ...(requestId ? [`request ${requestId}`] : [])].join(", ");
    io.stdout.write(`Sent ${data.template_name || templateId} to ${input.to}: ${data.message} (${ids})\n`);
  }
  return EXIT.ok;
}

/** Whether an issue is the client's check of the send against its template. */
const fromTemplateCheck = (issue: ValidationIssue) =>
  ["templateId", "parameters", "header"].includes(issue.path) && issue.message.startsWith("template ");

/**
 * A refusal by the client's template check, said in the words of the flags to change (which
 * takes one more read of the template); any other error as it is.
 */
async function inFlagWords(
  error: unknown,
  kapso: Kapso,
  templateId: string,
  given: GivenSend,
): Promise<unknown> {
  if (!(error instanceof ValidationError) || !error.issues.some(fromTemplateCheck)) {
    return error;
  }
  const { data: template } = await kapso.templates.get(templateId);
  const fit = fitProblems(shapeOf(template), given);
  return fit.length === 0
    ? error
    : new ValidationError([...error.issues.filter((i) => !fromTemplateCheck(i)), ...fit]);
}

/** What the parameters flags give, for the template check. */
function givenParameters(parameters: SendTemplateInput["parameters"]): GivenSend["parameters"] {
  if (parameters === undefined) {
    return undefined;
  }
  return Array.isArray(parameters)
    ? { positional: true, count: parameters.length }
    : { positional: false, names: Object.keys(parameters) };
}

/** The message the dry run stopped, as its recipient would have read it. */
async function previewOf(kapso: Kapso, templateId: string, wire: unknown, io: Io): Promise<string> {
  const collector = new PreviewCollector(1);
  collector.collect(wire);
  const { data: template } = await kapso.templates.get(templateId, { signal: io.abort });
  return collector.format(template, previewColors(io));
}

/** What a dry run of `send` prints: the message as the customer would see it, and the body. */
function reportDryRun(
  io: Io,
  run: { templateId: string; to: string; wire: unknown; json: boolean; preview: string },
): number {
  if (run.json) {
    io.stdout.write(`${JSON.stringify({ status: "valid", templateId: run.templateId, body: run.wire })}\n`);
  } else {
    io.stdout.write(
      `Dry run: the send to ${run.to} is valid; nothing was sent.\n${run.preview}It would send:\n`,
    );
    io.stdout.write(`${JSON.stringify(run.wire, null, 2)}\n`);
  }
  return EXIT.ok;
}
