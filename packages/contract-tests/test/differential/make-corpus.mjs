#!/usr/bin/env node
// Writes corpus.json: requests sent to both Prism and the in-process mock by
// differential.test.ts. Valid ones, and ones broken in each way the spec can be broken.
// `valid` is what the spec says about each request; both servers must agree with it.
// Run: node test/differential/make-corpus.mjs
import { writeFileSync } from "node:fs";

/** Templates the mock is seeded with, so that only the spec decides. */
export const TEMPLATE_IDS = [
  "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
  "8d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
];
const [ID, ID2] = TEMPLATE_IDS;
const KEY = { "X-API-Key": "test_key_differential" };
const JSON_TYPE = { "Content-Type": "application/json" };
const cases = [];

function add(name, valid, request) {
  cases.push({
    name,
    valid,
    method: "GET",
    path: "/whatsapp_templates",
    query: "",
    headers: { ...KEY },
    ...request,
  });
}

// ---- POST /whatsapp_templates/{id}/send_template
const sendPath = (id) => `/whatsapp_templates/${id}/send_template`;
function sendCase(name, valid, template, extra = {}) {
  add(`send: ${name}`, valid, {
    method: "POST",
    path: sendPath(extra.id ?? ID),
    headers: { ...KEY, ...JSON_TYPE, ...extra.headers },
    body: extra.rawBody ?? JSON.stringify(extra.wholeBody !== undefined ? extra.wholeBody : { template }),
  });
}
const base = { phone_number: "+123456789012" };

// valid sends
for (const phone of ["+1234567", "+123456789012345", "+14155550123", "+447700900123", "+919876543210"]) {
  sendCase(`phone ${phone}`, true, { phone_number: phone });
}
for (const params of [[], ["John"], ["John Smith", "Tomorrow at 2 PM"], ["a", "b", "c", "d", "e"], [""]]) {
  sendCase(`positional ${JSON.stringify(params)}`, true, { ...base, template_parameters: params });
}
for (const params of [
  {},
  { customer_name: "John" },
  { customer_name: "John", order_number: "1042", x: "" },
]) {
  sendCase(`named ${JSON.stringify(params)}`, true, { ...base, template_parameters: params });
}
for (const type of ["text", "image", "video", "document"]) {
  sendCase(`header ${type}`, true, { ...base, header_type: type, header_params: "https://example.com/h" });
}
sendCase("header document with file name", true, {
  ...base,
  header_type: "document",
  header_params: "https://example.com/invoice.pdf",
  header_filename: "invoice.pdf",
});
sendCase("the documentation's seed body (image header with a file name)", true, {
  phone_number: "+123456789012",
  template_parameters: ["John Smith", "Tomorrow at 2 PM"],
  header_type: "image",
  header_params: "https://example.com/header-image.jpg",
  header_filename: "invoice.pdf",
  whatsapp_config_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  customer_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
});
sendCase("header_params without header_type", true, { ...base, header_params: "Hello" });
sendCase("whatsapp_config_id", true, { ...base, whatsapp_config_id: ID2 });
sendCase("customer_id", true, { ...base, customer_id: ID2 });
sendCase("upper-case UUIDs in the body", true, { ...base, customer_id: ID2.toUpperCase() });
sendCase("template id in upper case", true, base, { id: ID.toUpperCase() });
sendCase("second template", true, base, { id: ID2 });
sendCase("urn:uuid prefix in the body", true, { ...base, customer_id: `urn:uuid:${ID2}` });
sendCase("content type with charset", true, base, {
  headers: { "Content-Type": "application/json; charset=utf-8" },
});
sendCase("vendor JSON content type", true, base, {
  headers: { "Content-Type": "application/vnd.kapso+json" },
});
sendCase("unused query parameter", true, base, {});
cases.at(-1).query = "?debug=1";
sendCase("lower-case key header", true, base, { headers: { "x-api-key": "k" } });
sendCase("unicode parameters", true, { ...base, template_parameters: ["José", "明天", "🎉"] });
sendCase("long parameter", true, { ...base, template_parameters: ["x".repeat(2000)] });

// URL button values: any key (the template decides which fit), string values, or null
for (const params of [{ 0: "track123" }, { 0: "a", 1: "b" }, {}, null, { any_key: "x" }, { 0: "" }]) {
  sendCase(`button_url_params ${JSON.stringify(params)}`, true, { ...base, button_url_params: params });
}
for (const params of [
  "track123",
  ["track123"],
  { 0: 1 },
  { 0: null },
  { 0: ["a"] },
  { 0: { a: "b" } },
  5,
  true,
]) {
  sendCase(`button_url_params ${JSON.stringify(params)}`, false, { ...base, button_url_params: params });
}
sendCase("the documentation's fields and a URL button", true, {
  phone_number: "+123456789012",
  template_parameters: ["John Smith"],
  header_type: "image",
  header_params: "https://example.com/order-image.jpg",
  button_url_params: { 0: "order456" },
});
for (const type of ["text", "video"]) {
  sendCase(`header_filename with a ${type} header`, true, {
    ...base,
    header_type: type,
    header_params: "https://example.com/h",
    header_filename: "ignored.pdf",
  });
}

// invalid template ids in the path
for (const id of [
  "not-a-uuid",
  "12345",
  "3c90c3cc0d444b5088888dd25736052a",
  "3c90c3cc-0d44-4b50-8888-8dd25736052",
  "3c90c3cc-0d44-4b50-8888-8dd25736052aa",
  "gc90c3cc-0d44-4b50-8888-8dd25736052a",
  "%7B3c90c3cc-0d44-4b50-8888-8dd25736052a%7D",
  "3c90c3cc-0d44-4b50-8888_8dd25736052a",
  "%20",
]) {
  sendCase(`template id ${id}`, false, base, { id });
}
// phone numbers
sendCase("missing phone_number", false, { template_parameters: ["a"] });
for (const phone of [
  "123456789012",
  "+0123456789",
  "+123456",
  "+1234567890123456",
  "+1 415 555 0123",
  "+1-415-555-0123",
  "+1415555012a",
  "+123456789012\n",
  " +123456789012",
  "",
  "+",
  "++123456789012",
]) {
  sendCase(`phone ${JSON.stringify(phone)}`, false, { phone_number: phone });
}
for (const phone of [123456789012, null, ["+123456789012"], { n: "+1" }, true]) {
  sendCase(`phone of type ${JSON.stringify(phone)}`, false, { phone_number: phone });
}
// parameters
for (const params of [
  42,
  "John",
  null,
  true,
  [1, 2],
  ["a", null],
  ["a", { b: "c" }],
  [["nested"]],
  { a: 1 },
  { a: null },
  { a: ["x"] },
  { a: { b: "c" } },
  { a: true },
]) {
  sendCase(`parameters ${JSON.stringify(params)}`, false, { ...base, template_parameters: params });
}
// header fields
for (const type of ["audio", "IMAGE", "Text", "", null, 1, ["image"]]) {
  sendCase(`header_type ${JSON.stringify(type)}`, false, { ...base, header_type: type, header_params: "x" });
}
for (const value of [1, null, [], {}, false]) {
  sendCase(`header_params ${JSON.stringify(value)}`, false, {
    ...base,
    header_type: "text",
    header_params: value,
  });
  sendCase(`header_filename ${JSON.stringify(value)}`, false, {
    ...base,
    header_type: "document",
    header_params: "https://example.com/a.pdf",
    header_filename: value,
  });
}
// optional ids
for (const field of ["whatsapp_config_id", "customer_id"]) {
  for (const value of ["abc", "", 1, null, `${ID}x`, ID.replaceAll("-", "")]) {
    sendCase(`${field} ${JSON.stringify(value)}`, false, { ...base, [field]: value });
  }
}
// extra properties
sendCase("extra property in template", false, { ...base, priority: "high" });
sendCase("camelCase field name", false, { phoneNumber: "+123456789012" });
sendCase("camelCase next to the right one", false, { ...base, templateParameters: ["a"] });
sendCase("extra top-level property", false, undefined, { wholeBody: { template: base, dry_run: true } });
sendCase("extra top-level next to a broken template", false, undefined, {
  wholeBody: { template: { phone_number: "1" }, x: 1 },
});
// body shapes
for (const [name, whole] of [
  ["empty object", {}],
  ["array", []],
  ["array of templates", [{ template: base }]],
  ["string", "hello"],
  ["number", 42],
  ["true", true],
  ["template null", { template: null }],
  ["template array", { template: [base] }],
  ["template string", { template: "+123456789012" }],
  ["template empty", { template: {} }],
  ["body without the template wrapper", base],
]) {
  sendCase(`body ${name}`, false, undefined, { wholeBody: whole });
}
sendCase("several violations at once", false, {
  phone_number: "12",
  header_type: "audio",
  template_parameters: [1],
  customer_id: "x",
  extra: 1,
});
sendCase("bad id and bad body", false, { phone_number: 1 }, { id: "bad" });
sendCase("empty body", false, undefined, { rawBody: "" });
sendCase("null body", false, undefined, { rawBody: "null" });
sendCase("text/plain body", false, base, { headers: { "Content-Type": "text/plain" } });
sendCase("form body", false, undefined, {
  rawBody: "phone_number=%2B123456789012",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});
sendCase("malformed JSON: cut off", false, undefined, { rawBody: '{"template":' });
sendCase("malformed JSON: single quotes", false, undefined, { rawBody: "{'template': {}}" });
sendCase("malformed JSON: trailing comma", false, undefined, {
  rawBody: '{"template":{"phone_number":"+123456789012",}}',
});
// missing key
for (const [name, headers] of [
  ["no key", {}],
  ["empty key", { "X-API-Key": "" }],
  ["bearer token instead of the key", { Authorization: "Bearer test" }],
]) {
  add(`send: ${name}`, false, {
    method: "POST",
    path: sendPath(ID),
    headers: { ...JSON_TYPE, ...headers },
    body: JSON.stringify({ template: base }),
  });
}
add("send: no key and a broken body", false, {
  method: "POST",
  path: sendPath("bad"),
  headers: { ...JSON_TYPE },
  body: JSON.stringify({ template: { phone_number: 1 } }),
});

// ---- GET /whatsapp_templates/{id}
for (const id of [ID, ID2, ID.toUpperCase(), `urn:uuid:${ID}`]) {
  add(`get: ${id}`, true, { path: `/whatsapp_templates/${id}` });
}
add("get: unused query parameter", true, { path: `/whatsapp_templates/${ID}`, query: "?expand=components" });
for (const id of ["not-a-uuid", "12345", ID.replaceAll("-", ""), `${ID}0`, "%7Bx%7D", ID.slice(1), "null"]) {
  add(`get: template id ${id}`, false, { path: `/whatsapp_templates/${id}` });
}
add("get: no key", false, { path: `/whatsapp_templates/${ID}`, headers: {} });
add("get: empty key", false, { path: `/whatsapp_templates/${ID}`, headers: { "X-API-Key": "" } });
add("get: no key and a bad id", false, { path: "/whatsapp_templates/bad", headers: {} });

// ---- GET /whatsapp_templates
const list = (name, valid, query, headers) =>
  add(`list: ${name}`, valid, { query: query ? `?${query}` : "", ...(headers ? { headers } : {}) });
list("no parameters", true, "");
// Query values are coerced as ajv does for Prism: "1e1" is 10, "" is absent, and even
// "Infinity" counts as an integer.
for (const page of ["1", "2", "999", "010", "+3", "1e1", "1.0", "", "Infinity"]) {
  list(`page=${page}`, true, `page=${page}`);
}
for (const perPage of ["1", "20", "100", "50", "0x10", "%205", ""]) {
  list(`per_page=${perPage}`, true, `per_page=${perPage}`);
}
list("page and per_page", true, "page=2&per_page=50");
for (const category of ["MARKETING", "UTILITY", "AUTHENTICATION"]) {
  list(`category ${category}`, true, `q%5Bcategory_eq%5D=${category}`);
}
for (const status of ["draft", "submitted", "approved", "rejected", "disabled"]) {
  list(`status ${status}`, true, `q%5Bstatus_eq%5D=${status}`);
}
for (const name of ["order", "", "with%20space", "%E2%9C%93"]) {
  list(`name_cont=${name}`, true, `q%5Bname_cont%5D=${name}`);
}
list("language_code_eq", true, "q%5Blanguage_code_eq%5D=en_US");
list("customer_id_eq", true, `q%5Bcustomer_id_eq%5D=${ID}`);
list("customer_id", true, `customer_id=${ID}`);
for (const account of ["102290129340398", "abc", "%20"]) {
  list(`business_account_id=${account}`, true, `business_account_id=${account}`);
  list(`q[business_account_id_eq]=${account}`, true, `q%5Bbusiness_account_id_eq%5D=${account}`);
}
list("whatsapp_config_id", true, `whatsapp_config_id=${ID2}`);
list("q[whatsapp_config_id_eq]", true, `q%5Bwhatsapp_config_id_eq%5D=${ID2}`);
list("empty whatsapp_config_id", true, "whatsapp_config_id=");
for (const id of ["abc", ID.replaceAll("-", ""), `${ID}x`]) {
  list(`whatsapp_config_id=${id}`, false, `whatsapp_config_id=${id}`);
  list(`q[whatsapp_config_id_eq]=${id}`, false, `q%5Bwhatsapp_config_id_eq%5D=${id}`);
}
list("business_account_id twice", false, "business_account_id=1&business_account_id=2");
list("empty customer_id", true, "customer_id=");
list("unbracketed q[...] as sent by hand", true, "q[status_eq]=approved&q[name_cont]=order");
list(
  "every filter",
  true,
  `page=1&per_page=10&customer_id=${ID}&q%5Bname_cont%5D=a&q%5Blanguage_code_eq%5D=en_US&q%5Bcategory_eq%5D=UTILITY&q%5Bstatus_eq%5D=approved&q%5Bcustomer_id_eq%5D=${ID2}`,
);
list("unknown filter", true, "q%5Bfoo_eq%5D=1");
list("q without brackets", true, "q=foo");
list("unknown parameter", true, "sort=name");
list("lower-case key header", true, "", { "x-api-key": "k" });
for (const page of ["0", "-1", "abc", "1.5", "true", "-0", "-Infinity", "NaN", "1,2"]) {
  list(`page=${page}`, false, `page=${page}`);
}
list("page twice", false, "page=1&page=2");
for (const perPage of ["0", "101", "1000", "-5", "abc", "2.5", "1e3", "null"]) {
  list(`per_page=${perPage}`, false, `per_page=${perPage}`);
}
list("per_page twice", false, "per_page=5&per_page=6");
for (const id of ["abc", ID.replaceAll("-", ""), `${ID}x`]) {
  list(`customer_id=${id}`, false, `customer_id=${id}`);
}
list("customer_id twice", false, `customer_id=${ID}&customer_id=${ID2}`);
for (const status of ["removed", "APPROVED", "", "pending"]) {
  list(`status ${status}`, false, `q%5Bstatus_eq%5D=${status}`);
}
for (const category of ["utility", "", "OTHER"]) {
  list(`category ${category}`, false, `q%5Bcategory_eq%5D=${category}`);
}
for (const id of ["", "abc"]) {
  list(`customer_id_eq=${id}`, false, `q%5Bcustomer_id_eq%5D=${id}`);
}
list("whatsapp_config_id_eq empty", false, "q%5Bwhatsapp_config_id_eq%5D=");
list("status filter twice", false, "q%5Bstatus_eq%5D=approved&q%5Bstatus_eq%5D=draft");
list("several violations", false, "page=0&per_page=101&q%5Bstatus_eq%5D=removed");
list("no key", false, "", {});
list("empty key", false, "", { "X-API-Key": "" });
list("no key and bad paging", false, "per_page=0", {});

const out = new URL("./corpus.json", import.meta.url);
writeFileSync(out, `${JSON.stringify({ templateIds: TEMPLATE_IDS, cases }, null, 2)}\n`);
console.log(`${cases.length} requests written to corpus.json`);
