// The string formats the mock's generated validators check, as Prism registers them with
// ajv: ajv-formats' full set (the version Prism loads) with Prism's own `date-time`. The
// generator registers these with ajv and bundles this file into src/generated/validators.js.
"use strict";

const { fullFormats } = require("ajv-formats/dist/formats");
const { isDateTime } = require("./date-time.cjs");

module.exports = {
  formats: {
    ...fullFormats,
    "date-time": { validate: isDateTime, compare: fullFormats["date-time"].compare },
  },
};
