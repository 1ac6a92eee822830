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
  if (given.length > 1)
    throw new UsageError(`give one header, not ${given.map((f) => `--${f}`).join(" and ")}`);
  if (values.filename !== undefined && given[0] !== "header-document") {
    throw new UsageError("--filename goes with --header-document");
  }
  switch (given[0]) {
    case undefined:
      return undefined;
    case "header-text":
      return { type: "text", text: values["header-text"]! };
    case "header-document":
      return values.filename === undefined
        ? { type: "document", url: values["header-document"]! }
        : { type: "document", url: values["header-document"]!, filename: values.filename };
    case "header-image":
      return { type: "image", url: values["header-image"]! };
    case "header-video":
      return { type: "video", url: values["header-video"]! };
  }
}
