// Writes the API's types (src/generated/openapi.ts) from the service's document, as `openapi-typescript --enum-values`
// would, with one change: an enum value the client reads is typed `OrderStatus | string`. The document says our enums
// may grow, and a newer service's value reaches the caller unchanged at run time; typed so, a `switch` over it has a
// `default` that gets the text (not `never`). What the client writes (request bodies and parameters, and the schemas
// only they reach) keeps the closed union, so a misspelt value does not compile. Not `OrderStatus | (string & {})`,
// which would keep the known values in completions: openapi-fetch 0.17 maps `string & {}` in `data` to an object of
// string's methods (openapi-ts/openapi-typescript#2765), so `data` no longer fits the schema's type.
// Run by clients/generate, and by run-flow to check for drift:
//   node generate-types.mjs ../../docs/openapi.json src/generated/openapi.ts
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import openapiTS, { astToString, COMMENT_HEADER, oapiRef } from "openapi-typescript";

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: node generate-types.mjs <document> <output>");
const document = JSON.parse(readFileSync(input, "utf8"));
const schemas = document.components?.schemas ?? {};
const schemaRef = "#/components/schemas/";
const isEnum = (name) => Array.isArray(schemas[name]?.enum);

/** Adds to `into` every component schema that `node` reaches through $refs. */
function reach(node, into) {
  if (Array.isArray(node)) for (const item of node) reach(item, into);
  else if (node && typeof node === "object")
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && value.startsWith(schemaRef)) {
        const name = value.slice(schemaRef.length);
        if (!into.has(name)) { into.add(name); reach(schemas[name], into); }
      } else reach(value, into);
    }
  return into;
}

// Written: the paths' request bodies and parameters. Read: their responses, and the webhooks (their bodies are what
// a receiver gets). A schema on both sides is read, so its type tells the truth about what may arrive.
const written = new Set(), read = new Set();
for (const item of Object.values(document.paths ?? {})) {
  reach(item.parameters, written);
  for (const operation of Object.values(item))
    if (operation && typeof operation === "object") {
      reach([operation.requestBody, operation.parameters], written);
      reach(operation.responses, read);
    }
}
reach(document.webhooks, read);

/** Whether the schema at this pointer (openapi-typescript's, without "properties") describes what the client reads. */
function isRead(path) {
  const [where, kind, name] = path.replace(/^#\//, "").split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (where === "paths") return !/\/(requestBody|parameters)(\/|$)/.test(path);
  if (where === "components" && kind === "schemas") return read.has(name) || !written.has(name);
  if (where === "components") return kind !== "parameters" && kind !== "requestBodies";
  return true; // webhooks
}
const isComponent = (path) => /^#\/components\/[^/]+\/[^/]+$/.test(path);
const open = (type) =>
  ts.factory.createUnionTypeNode([type, ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword)]);
const isStringLiteral = (t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal);
const isNullLiteral = (t) => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword;
/** An inline enum: "a" | "b" (| null). */
const isInlineEnum = (type) => isStringLiteral(type) || (ts.isUnionTypeNode(type) && type.types.some(isStringLiteral)
  && type.types.every((t) => isStringLiteral(t) || isNullLiteral(t)));
/** components["schemas"]["X"] where X is an enum. */
const isEnumRef = (type) => ts.isIndexedAccessTypeNode(type)
  && /^components\["schemas"\]\["([^"]+)"\]$/.exec(astToString(type).trim())?.slice(1).every(isEnum) === true;

const nodes = await openapiTS(pathToFileURL(input), {
  enumValues: true,
  silent: true,
  // a property that is a $ref, which openapi-typescript types without postTransform; `options` are its object's
  // (a component itself comes with `options.schema` being it)
  transform(schema, options) {
    const ref = typeof schema.$ref === "string" && schema.$ref.startsWith(schemaRef) ? schema.$ref : undefined;
    if (!ref || !isEnum(ref.slice(schemaRef.length)) || options.schema === schema || !isRead(options.path ?? ""))
      return undefined;
    return open(oapiRef(ref));
  },
  // an array's items, a nullable's member, an inline enum; the enum schemas themselves stay closed
  postTransform(type, options) {
    const path = options.path ?? "";
    if (isComponent(path) || !isRead(path)) return undefined;
    return isEnumRef(type) || isInlineEnum(type) ? open(type) : undefined;
  },
});
writeFileSync(output, COMMENT_HEADER + astToString(nodes), "utf8");
