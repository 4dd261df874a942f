// deploy/k8s/validate.sh's schema step. Usage:
//   node main.mjs --out RENDERED.json --fixtures INVALID_DIR KUSTOMIZATION_DIR...
// Renders each kustomization, validates every object against the Kubernetes schemas, and writes the rendered objects
// for the structural and configuration-name checks that follow. Each fixture in INVALID_DIR must be refused for the
// reason its `# expect:` lines name, which proves the schema step can fail. Exit 1 on any problem.
import fs from "node:fs";
import path from "node:path";
import { render, readYamlDocs, RenderError } from "./render.mjs";
import { schemaProblems } from "./schema.mjs";

const args = process.argv.slice(2);
let out = null;
let fixtures = null;
const dirs = [];
while (args.length) {
  const a = args.shift();
  if (a === "--out") out = args.shift();
  else if (a === "--fixtures") fixtures = args.shift();
  else dirs.push(a);
}
const failures = [];
const rendered = [];

for (const dir of dirs) {
  const label = path.relative(process.cwd(), path.resolve(dir)) || ".";
  let result;
  try {
    result = render(dir);
  } catch (e) {
    if (!(e instanceof RenderError)) throw e;
    failures.push(`FAIL ${label}: ${e.message}`);
    continue;
  }
  for (const p of result.problems) failures.push(`FAIL ${label}: ${p}`);
  let count = 0;
  for (const { source, object } of result.objects) {
    count++;
    const name = `${object?.kind ?? "?"}/${object?.metadata?.name ?? "?"}`;
    for (const p of await schemaProblems(object)) failures.push(`FAIL ${label} (${source}) ${name}: schema: ${p}`);
  }
  rendered.push({ dir: label, namespace: result.namespace ?? null, objects: result.objects });
  console.log(`schema: ${label}: ${count} object(s) rendered and checked against the Kubernetes ${modelsVersion()} schemas`);
}

if (fixtures) {
  let cases = 0;
  // A fixture is a YAML file, or a directory with a kustomization (rendered first, so a patch's mistake counts too).
  for (const f of fs.readdirSync(fixtures).sort()) {
    let file = path.join(fixtures, f);
    const problems = [];
    if (fs.statSync(file).isDirectory()) {
      const dir = file;
      file = path.join(dir, "kustomization.yaml");
      if (!fs.existsSync(file)) continue;
      const result = render(dir);
      problems.push(...result.problems);
      for (const { object } of result.objects) {
        for (const p of await schemaProblems(object)) problems.push(`${object.kind}/${object.metadata?.name}: schema: ${p}`);
      }
    } else if (/\.ya?ml$/.test(f)) {
      for (const object of readYamlDocs(file)) problems.push(...await schemaProblems(object));
    } else continue;
    const expected = [...fs.readFileSync(file, "utf8").matchAll(/^# expect: (.+)$/gm)].map((m) => m[1].trim());
    cases++;
    if (expected.length === 0) failures.push(`FAIL ${file}: a fixture must name the problem it expects (# expect: ...)`);
    for (const e of expected) {
      if (!problems.some((p) => p.includes(e))) {
        failures.push(`FAIL ${file}: the schema check should have refused it with '${e}'; it found: ${problems.join("; ") || "nothing"}`);
      }
    }
  }
  if (cases === 0) failures.push(`FAIL ${fixtures}: no invalid fixtures: the schema check is never shown to fail`);
  else console.log(`schema: ${cases} deliberately invalid fixture(s) in ${path.relative(process.cwd(), fixtures)} refused for the expected reasons`);
}

function modelsVersion() {
  const pkg = JSON.parse(fs.readFileSync(new URL("./node_modules/kubernetes-models/package.json", import.meta.url), "utf8"));
  return `API (kubernetes-models ${pkg.version})`;
}

if (out) fs.writeFileSync(out, JSON.stringify(rendered));
for (const f of failures) console.log(f);
process.exit(failures.length ? 1 : 0);
