// The mock's `date-time` check is Prism's rule written out (scripts/validation/date-time.cjs):
// it must accept and refuse exactly what Prism's own function does.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { isDateTime } = require("../../scripts/validation/date-time.cjs") as {
  isDateTime: (text: string) => boolean;
};
// Prism's function, from the prism-http that the pinned Prism loads.
const prismHttp = createRequire(
  createRequire(require.resolve("@stoplight/prism-cli/package.json")).resolve(
    "@stoplight/prism-http/package.json",
  ),
);
const prism = prismHttp("./dist/validator/validators/dateTime.js") as {
  date_time: (text: string) => boolean;
};

const samples = [
  "2025-03-01T09:30:00Z",
  "2025-03-01t09:30:00z",
  "2025-03-01 09:30:00Z",
  "2025-03-01T09:30:00.123Z",
  "2025-03-01T09:30:00+05:30",
  "2025-03-01T09:30:00+0530",
  "2025-03-01T09:30:00+05",
  "2025-03-01T09:30:00+24:00",
  "2025-03-01T09:30:00+25:00",
  "2025-03-01T09:30:00-00:60",
  "2025-03-01T09:30:00",
  "2025-03-01T23:59:60Z",
  "2025-03-01T23:59:60+02:00",
  "2025-03-01T22:59:60Z",
  "2025-03-01T24:00:00Z",
  "2024-02-29T00:00:00Z",
  "2025-02-29T00:00:00Z",
  "2000-02-29T00:00:00Z",
  "1900-02-29T00:00:00Z",
  "2025-13-01T00:00:00Z",
  "2025-00-10T00:00:00Z",
  "2025-04-31T00:00:00Z",
  "2025-03-01",
  "2025-03-01TT09:30:00Z",
  "2025-03-01T09:30Z",
  "yesterday",
  "",
  "2025-03-01T09:30:00Z ",
  "+2025-03-01T09:30:00Z",
];

describe("the mock's date-time check", () => {
  it.each(samples)("agrees with Prism on %j", (text) => {
    expect(isDateTime(text)).toBe(prism.date_time(text));
  });

  it("agrees with Prism on every zone offset and clock value around the edges", () => {
    const disagreements: string[] = [];
    for (const clock of ["00:00:00", "23:59:59", "23:59:60", "12:60:00", "12:00:61", "99:00:00"]) {
      for (const zone of ["Z", "", "+00", "-00:00", "+23:59", "+24", "+2400", "+24:60", "-12:3", "+1:00"]) {
        const text = `2025-06-30T${clock}${zone}`;
        if (isDateTime(text) !== prism.date_time(text)) {
          disagreements.push(text);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});
