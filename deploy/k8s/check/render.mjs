// Renders a kustomization the way `kubectl apply -k` would, for the fields this repository uses: resources (files and
// directories with their own kustomization), namespace, labels, images, replicas, patches (strategic-merge or
// JSON 6902, with an optional target) and Secret/ConfigMap generators. Anything else in a kustomization is reported
// as unsupported rather than silently ignored, so the validator never checks something other than what is applied.
// Generated names get no content-hash suffix; references keep matching because nothing else renames them.
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

const SUPPORTED = new Set(["apiVersion", "kind", "resources", "namespace", "labels", "images", "replicas", "patches",
  "secretGenerator", "configMapGenerator"]);
const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
  "PersistentVolume", "StorageClass", "IngressClass", "PriorityClass", "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration"]);

// What kustomize's `replicas` field changes (a PodDisruptionBudget or Service of the same name keeps its spec).
const SCALABLE = new Set(["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"]);

export class RenderError extends Error {}

export function readYamlDocs(file) {
  const docs = parseAllDocuments(fs.readFileSync(file, "utf8"));
  const out = [];
  for (const doc of docs) {
    if (doc.errors.length) throw new RenderError(`${file}: not valid YAML: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

function kustomizationFile(dir) {
  for (const name of ["kustomization.yaml", "kustomization.yml", "Kustomization"]) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

// The real env file of a secretGenerator holds secrets and is git-ignored; its committed template names the same keys.
function envFile(dir, rel, problems) {
  const file = path.join(dir, rel);
  if (fs.existsSync(file)) return file;
  if (fs.existsSync(file + ".example")) return file + ".example";
  problems.push(`${dir}: generator env file ${rel} (or ${rel}.example) not found`);
  return null;
}

function parseEnv(file, problems) {
  const data = {};
  fs.readFileSync(file, "utf8").split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const eq = line.indexOf("=");
    if (eq < 1) { problems.push(`${path.basename(file)}: line ${i + 1} is not KEY=VALUE`); return; }
    data[line.slice(0, eq).trim()] = line.slice(eq + 1);
  });
  return data;
}

function generate(dir, gen, kind, problems) {
  const data = {};
  for (const lit of gen.literals ?? []) {
    const eq = lit.indexOf("=");
    data[lit.slice(0, eq)] = lit.slice(eq + 1);
  }
  for (const f of gen.files ?? []) {
    const [key, rel] = f.includes("=") ? f.split(/=(.*)/s, 2) : [path.basename(f), f];
    data[key] = fs.readFileSync(path.join(dir, rel), "utf8");
  }
  for (const rel of [...(gen.envs ?? []), ...(gen.env ? [gen.env] : [])]) {
    const file = envFile(dir, rel, problems);
    if (file) Object.assign(data, parseEnv(file, problems));
  }
  const metadata = { name: gen.name };
  if (gen.namespace) metadata.namespace = gen.namespace;
  if (kind === "Secret") {
    const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString("base64")]));
    return { apiVersion: "v1", kind: "Secret", metadata, type: gen.type ?? "Opaque", data: encoded };
  }
  return { apiVersion: "v1", kind: "ConfigMap", metadata, data };
}

const isMap = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

// Strategic merge as Kubernetes does it for the fields patched here: maps merge key by key, null deletes, lists of
// named items (containers, env, volumes) merge by name, any other list is replaced.
export function strategicMerge(target, patch) {
  if (!isMap(target) || !isMap(patch)) return structuredClone(patch);
  const out = structuredClone(target);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) { delete out[key]; continue; }
    const current = out[key];
    if (Array.isArray(value) && Array.isArray(current) && [...value, ...current].every((i) => isMap(i) && typeof i.name === "string")) {
      // Items new to the list come first, as kustomize's merge puts them; existing ones keep their place.
      const merged = current.map((i) => structuredClone(i));
      const added = [];
      for (const item of value) {
        const at = merged.findIndex((i) => i.name === item.name);
        if (at >= 0) merged[at] = strategicMerge(merged[at], item); else added.push(structuredClone(item));
      }
      out[key] = [...added, ...merged];
    } else {
      out[key] = isMap(value) && isMap(current) ? strategicMerge(current, value) : structuredClone(value);
    }
  }
  return out;
}

const unescape = (token) => token.replace(/~1/g, "/").replace(/~0/g, "~");

// JSON Patch (RFC 6902): add, remove, replace, test: what kustomize's JSON 6902 patches use here.
export function jsonPatch(target, ops, where) {
  const out = structuredClone(target);
  for (const op of ops) {
    const tokens = String(op.path ?? "").split("/").slice(1).map(unescape);
    if (tokens.length === 0) throw new RenderError(`${where}: JSON patch path '${op.path}' is not a member path`);
    let parent = out;
    for (const t of tokens.slice(0, -1)) {
      parent = Array.isArray(parent) ? parent[Number(t)] : parent?.[t];
      if (parent === undefined) throw new RenderError(`${where}: JSON patch path ${op.path} does not exist`);
    }
    const last = tokens.at(-1);
    const index = Array.isArray(parent) ? (last === "-" ? parent.length : Number(last)) : null;
    const exists = Array.isArray(parent) ? index < parent.length : Object.hasOwn(parent, last);
    switch (op.op) {
      case "add":
        if (Array.isArray(parent)) parent.splice(index, 0, structuredClone(op.value)); else parent[last] = structuredClone(op.value);
        break;
      case "replace":
      case "remove":
        if (!exists) throw new RenderError(`${where}: JSON patch ${op.op} of missing ${op.path}`);
        if (op.op === "replace") { if (Array.isArray(parent)) parent[index] = structuredClone(op.value); else parent[last] = structuredClone(op.value); }
        else if (Array.isArray(parent)) parent.splice(index, 1); else delete parent[last];
        break;
      case "test":
        if (JSON.stringify(Array.isArray(parent) ? parent[index] : parent[last]) !== JSON.stringify(op.value))
          throw new RenderError(`${where}: JSON patch test of ${op.path} failed`);
        break;
      default:
        throw new RenderError(`${where}: JSON patch op '${op.op}' is not supported here`);
    }
  }
  return out;
}

function matches(obj, target) {
  if (!target) return true;
  const [group, version] = (obj.apiVersion ?? "").includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  return (!target.kind || target.kind === obj.kind) && (!target.name || target.name === obj.metadata?.name)
    && (target.group === undefined || target.group === group) && (!target.version || target.version === version)
    && (!target.namespace || target.namespace === obj.metadata?.namespace);
}

function applyPatch(objects, dir, entry, problems) {
  const where = `${dir} patches`;
  const text = entry.path ? fs.readFileSync(path.join(dir, entry.path), "utf8") : entry.patch;
  if (typeof text !== "string") { problems.push(`${where}: a patch needs path or patch`); return objects; }
  const docs = parseAllDocuments(text).map((d) => d.toJS()).filter((d) => d != null);
  let hits = 0;
  const patched = objects.map((obj) => {
    let out = obj;
    for (const doc of docs) {
      if (Array.isArray(doc)) {
        if (!entry.target) throw new RenderError(`${where}: a JSON 6902 patch needs a target`);
        if (matches(out, entry.target)) { out = jsonPatch(out, doc, where); hits++; }
      } else {
        const target = entry.target ?? { kind: doc.kind, name: doc.metadata?.name };
        if (matches(out, target)) {
          out = strategicMerge(out, { ...doc, apiVersion: undefined, kind: undefined, metadata: { ...doc.metadata, name: undefined } });
          for (const k of ["apiVersion", "kind"]) if (out[k] === undefined) out[k] = obj[k];
          if (out.metadata) out.metadata.name = obj.metadata.name;
          hits++;
        }
      }
    }
    return out;
  });
  if (hits === 0) problems.push(`${where}: patch ${entry.path ?? "(inline)"} matches no object`);
  return patched;
}

function setImage(container, images) {
  const image = container.image ?? "";
  const at = image.indexOf("@");
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  const name = at >= 0 ? image.slice(0, at) : colon > slash ? image.slice(0, colon) : image;
  const rule = images.find((i) => i.name === name);
  if (!rule) return;
  const newName = rule.newName ?? name;
  if (rule.digest) container.image = `${newName}@${rule.digest}`;
  else if (rule.newTag) container.image = `${newName}:${rule.newTag}`;
  else container.image = newName + (at >= 0 ? image.slice(at) : colon > slash ? image.slice(colon) : "");
}

function podSpecs(obj) {
  const spec = obj.spec ?? {};
  if (obj.kind === "Pod") return [spec];
  if (obj.kind === "CronJob") return [spec.jobTemplate?.spec?.template?.spec].filter(Boolean);
  return [spec.template?.spec].filter(Boolean);
}

/**
 * Renders the kustomization in `dir`. Returns { objects: [{ source, object }], namespace, problems } where problems
 * are mistakes in the kustomization itself (unsupported fields, files never applied, missing generator input).
 */
export function render(dir, seen = new Set()) {
  dir = path.resolve(dir);
  if (seen.has(dir)) throw new RenderError(`${dir}: kustomization cycle`);
  seen.add(dir);
  const kfile = kustomizationFile(dir);
  if (!kfile) throw new RenderError(`${dir}: no kustomization.yaml`);
  const [k = {}] = readYamlDocs(kfile);
  const problems = [];
  const rel = (p) => path.relative(process.cwd(), p) || ".";
  if (k.kind !== "Kustomization") problems.push(`${rel(kfile)}: kind is not Kustomization`);
  for (const key of Object.keys(k)) if (!SUPPORTED.has(key)) problems.push(`${rel(kfile)}: field '${key}' is not supported by deploy/k8s/check/render.mjs`);

  let objects = [];
  let namespace = k.namespace;
  const used = new Set([path.basename(kfile)]);
  for (const res of k.resources ?? []) {
    const full = path.join(dir, res);
    if (!fs.existsSync(full)) { problems.push(`${rel(kfile)}: resource ${res} does not exist (remote bases are not used here)`); continue; }
    if (fs.statSync(full).isDirectory()) {
      const base = render(full, seen);
      problems.push(...base.problems);
      objects.push(...base.objects);
      namespace ??= base.namespace;
    } else {
      used.add(path.relative(dir, full));
      for (const object of readYamlDocs(full)) objects.push({ source: rel(full), object });
    }
  }
  for (const [field, kind] of [["configMapGenerator", "ConfigMap"], ["secretGenerator", "Secret"]]) {
    for (const gen of k[field] ?? []) objects.push({ source: `${rel(kfile)} ${field}`, object: generate(dir, gen, kind, problems) });
  }
  for (const entry of k.patches ?? []) {
    if (entry.path) used.add(path.normalize(entry.path));
    const patched = applyPatch(objects.map((o) => o.object), dir, entry, problems);
    objects = objects.map((o, i) => ({ ...o, object: patched[i] }));
  }
  for (const { object } of objects) {
    if (!isMap(object)) continue;
    if (k.namespace && !CLUSTER_SCOPED.has(object.kind)) {
      object.metadata = { ...object.metadata, namespace: k.namespace };
      for (const s of object.subjects ?? []) if (s.kind === "ServiceAccount") s.namespace = k.namespace;
    }
    for (const { pairs = {} } of k.labels ?? []) object.metadata = { ...object.metadata, labels: { ...object.metadata?.labels, ...pairs } };
    for (const spec of podSpecs(object)) for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) setImage(c, k.images ?? []);
    for (const r of k.replicas ?? []) if (SCALABLE.has(object.kind) && object.metadata?.name === r.name) object.spec = { ...object.spec, replicas: r.count };
  }
  for (const img of k.images ?? []) {
    if ((!img.newTag || img.newTag === "latest") && !img.digest) problems.push(`${rel(kfile)}: images: '${img.name}' must pin newTag (not latest) or a digest`);
  }
  for (const r of k.labels ?? []) {
    if (r.includeSelectors || r.includeTemplates) problems.push(`${rel(kfile)}: labels with includeSelectors/includeTemplates are not supported by render.mjs`);
  }
  for (const f of fs.readdirSync(dir)) {
    if (/\.ya?ml$/.test(f) && !used.has(f)) problems.push(`${rel(path.join(dir, f))}: not listed in kustomization.yaml (it would never be applied)`);
  }
  return { objects, namespace, problems };
}
