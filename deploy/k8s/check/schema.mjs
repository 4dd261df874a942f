// Validates rendered objects against the Kubernetes API schemas: the JSON-schema validators that kubernetes-models
// generates from the Kubernetes OpenAPI document (types, enums, formats, required fields), plus a strict pass for
// field names. Kubernetes' schemas allow unknown fields and the API server silently drops them, so a misspelt field
// (`replica:`, `readinesProbe:`) would pass the schema and do nothing; the strict pass reads the property lists from
// the package's type declarations and names every field the schema does not have.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const modelsRoot = path.dirname(require.resolve("kubernetes-models/package.json"));
const nodeModules = path.dirname(modelsRoot);

function declarationFile(fromFile, spec) {
  const base = spec.startsWith(".") ? path.resolve(path.dirname(fromFile), spec) : path.join(nodeModules, spec);
  return base.replace(/\.js$/, "") + ".d.ts";
}

const parsed = new Map();

// One .d.ts: its imports (type name → file) and its interfaces (exported alias → property → type text).
function parseDeclarations(file) {
  if (parsed.has(file)) return parsed.get(file);
  const text = fs.readFileSync(file, "utf8");
  const imports = new Map();
  for (const m of text.matchAll(/import \{ ([^}]+) \} from "([^"]+)";/g)) {
    for (const name of m[1].split(",").map((s) => s.trim())) imports.set(name, declarationFile(file, m[2]));
  }
  const interfaces = new Map();
  for (const m of text.matchAll(/export interface (\w+)(?: extends ([\w, ]+))? \{\n([\s\S]*?)\n\}/g)) {
    const props = new Map();
    // A property is `"name"?: Type;` on one line, or a map type spread over the next lines up to `    };`.
    for (const p of m[3].matchAll(/^ {4}"([^"]+)"\??: (\{\n[\s\S]*?\n {4}\}|.+);$/gm)) props.set(p[1], p[2].replace(/\s+/g, " "));
    if (m[2]?.includes("TypeMeta")) { props.set("apiVersion", "string"); props.set("kind", "string"); }
    interfaces.set(m[1], props);
  }
  const aliases = new Map();
  for (const m of text.matchAll(/export type \{ (\w+) as (\w+)/g)) aliases.set(m[2], m[1]);
  const result = { imports, interfaces, aliases };
  parsed.set(file, result);
  return result;
}

// The properties of the interface a type name stands for in `file`, and the file that declares it.
function lookup(file, typeName) {
  const here = parseDeclarations(file);
  if (here.interfaces.has(typeName)) return { file, props: here.interfaces.get(typeName) };
  const target = here.imports.get(typeName);
  if (!target || !fs.existsSync(target)) return null;
  const there = parseDeclarations(target);
  const local = there.aliases.get(typeName) ?? typeName;
  return there.interfaces.has(local) ? { file: target, props: there.interfaces.get(local) } : null;
}

function unknownFields(value, type, file, at, out) {
  type = type.trim();
  let m;
  if ((m = /^Array<(.+)>$/.exec(type))) {
    if (Array.isArray(value)) value.forEach((v, i) => unknownFields(v, m[1], file, `${at}.${i}`, out));
    return;
  }
  if ((m = /^\{\s*\[key: string\]: (.+?);?\s*\}$/.exec(type))) {
    if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) unknownFields(v, m[1], file, `${at}.${k}`, out);
    return;
  }
  if (!/^I\w+$/.test(type) || !value || typeof value !== "object" || Array.isArray(value)) return;
  const found = lookup(file, type);
  if (!found) return;
  for (const [key, v] of Object.entries(value)) {
    if (!found.props.has(key)) out.push(`${at ? at + "." : ""}${key}: unknown field (not in the ${type.replace(/^IIoK8s(?:ApimachineryPkgApis|ApimachineryPkg|Api)/, "")} schema)`);
    else unknownFields(v, found.props.get(key), found.file, `${at ? at + "." : ""}${key}`, out);
  }
}

const modelCache = new Map();

async function model(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (!modelCache.has(key)) {
    const file = path.join(modelsRoot, apiVersion, `${kind}.js`);
    modelCache.set(key, fs.existsSync(file) ? { file, module: await import(file) } : null);
  }
  return modelCache.get(key);
}

/** Schema problems of one object, as "path: message" lines (empty when it is valid). */
export async function schemaProblems(object) {
  if (!object || typeof object !== "object" || Array.isArray(object)) return ["the document is not a mapping"];
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return ["apiVersion and kind are required"];
  // kubernetes-models keeps the schemas of API versions Kubernetes has since removed (extensions/v1beta1 and the
  // like), so a schema alone would accept them; every removed version was alpha or beta, and these manifests use GA.
  if (/\/v\d+(alpha|beta)\d*$/.test(apiVersion)) return [`${apiVersion} ${kind}: alpha/beta API versions are not used here (Kubernetes removes them; use the GA version)`];
  const found = await model(apiVersion, kind);
  if (!found) return [`no Kubernetes schema for ${apiVersion} ${kind} (unknown kind or API version)`];
  const problems = [];
  try {
    new found.module[kind](object).validate();
  } catch (e) {
    for (const err of e.errors ?? [{ instancePath: "", message: e.message }]) {
      const where = err.instancePath.replace(/^\//, "").replaceAll("/", ".");
      const detail = err.params?.allowedValues ? ` (${err.params.allowedValues.join(", ")})`
        : err.params?.missingProperty && !err.message.includes(err.params.missingProperty) ? ` '${err.params.missingProperty}'` : "";
      problems.push(`${where || "(object)"}: ${err.message}${detail}`);
    }
  }
  const dts = found.file.replace(/\.js$/, ".d.ts");
  const iface = [...parseDeclarations(dts).interfaces.keys()][0];
  unknownFields(object, iface, dts, "", problems);
  return problems;
}
