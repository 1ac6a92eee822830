// The --header-* flags of `send` and `send-bulk`, turned into the client's header union.
import type { SendTemplateInput } from "@kapsokit/client";
import { UsageError } from "../errors.js";

type Header = NonNullable<SendTemplateInput["header"]>;

export const HEADER_OPTIONS = {
  "header-image": { type: "string" },
  "header-video": { type: "string" },
  "header-document": { type: "string" },
  "header-text": { type: "string" },
  filename: { type: "string" },
} as const;

export interface HeaderValues {
  "header-image"?: string | undefined;
  "header-video"?: string | undefined;
  "header-document"?: string | undefined;
  "header-text"?: string | undefined;
  filename?: string | undefined;
}

/** The header the flags ask for, if any. */
export function headerFromFlags(values: HeaderValues): Header | undefined {
  const given = (["header-image", "header-video", "header-document", "header-text"] as const).filter(
    (flag) => values[flag] !== undefined,
  );
  if (given.length > 1) {
    throw new UsageError(`give one header, not ${given.map((f) => `--${f}`).join(" and ")}`);
  }
  if (values.filename !== undefined && (given[0] === undefined || given[0] === "header-text")) {
    throw new UsageError("--filename goes with --header-document (or --header-image or --header-video)");
  }
  const flag = given[0];
  if (flag === undefined) {
    return undefined;
  }
  if (flag === "header-text") {
    return { type: "text", text: values["header-text"]! };
  }
  // The API shows a file name with a document and ignores it with an image or a video, as in
  // its own example; it is passed on either way.
  const type = flag === "header-image" ? "image" : flag === "header-video" ? "video" : "document";
  const url = values[flag]!;
  return values.filename === undefined ? { type, url } : { type, url, filename: values.filename };
}
