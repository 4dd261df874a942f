// Optional cross-check (validate.sh runs it when kubectl is on the PATH): renders each kustomization with
// `kubectl kustomize` too and reports any object that differs from render.mjs's, ignoring the content-hash suffix
// kustomize gives generated names. It keeps the in-repo renderer honest; the schema step does not depend on it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { render } from "./render.mjs";

const [root, ...dirs] = process.argv.slice(2);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ekyc-k8s-"));
fs.cpSync(root, scratch, { recursive: true, filter: (src) => !src.includes("node_modules") });
// A scratch copy, so kustomize can read the secret template where the real (git-ignored) env file would be.
for (const f of fs.readdirSync(scratch, { recursive: true })) {
  if (f.endsWith(".env.example") && !fs.existsSync(path.join(scratch, f.slice(0, -8)))) fs.copyFileSync(path.join(scratch, f), path.join(scratch, f.slice(0, -8)));
}

const key = (o) => `${o.kind}/${o.metadata?.name}`;
// kubectl wraps long base64 values over lines; the bytes are what counts.
const normal = (o) => o.kind === "Secret" && o.data
  ? { ...o, data: Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, String(v).replace(/\s+/g, "")])) } : o;
const sorted = (v) => Array.isArray(v) ? v.map(sorted)
  : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v;
const unhash = (text) => text.replace(/(ekyc-[a-z-]+)-[a-z0-9]{10}\b/g, "$1");

let differences = 0;
try {
  for (const dir of dirs) {
    const target = path.join(scratch, path.relative(root, dir));
    const before = differences;
    let text;
    try {
      text = execFileSync("kubectl", ["kustomize", target], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      differences++;
      console.log(`FAIL ${path.relative(process.cwd(), dir)}: kubectl kustomize refused it: ${String(e.stderr).trim()}`);
      continue;
    }
    const theirs = new Map(parseAllDocuments(unhash(text))
      .map((d) => d.toJS()).filter(Boolean).map((o) => [key(o), sorted(normal(o))]));
    const ours = new Map(render(target).objects.map(({ object }) => [key(object), sorted(normal(object))]));
    for (const k of new Set([...theirs.keys(), ...ours.keys()])) {
      const a = JSON.stringify(ours.get(k)), b = JSON.stringify(theirs.get(k));
      if (a !== b) {
        differences++;
        console.log(`DIFF ${path.relative(process.cwd(), dir)} ${k}:\n  render.mjs: ${a ?? "(absent)"}\n  kubectl:    ${b ?? "(absent)"}`);
      }
    }
    if (differences === before) console.log(`schema: ${path.relative(process.cwd(), dir)}: render.mjs and kubectl kustomize agree on ${theirs.size} object(s)`);
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
process.exit(differences ? 1 : 0);
