#!/usr/bin/env bash
# Offline check of the Kubernetes manifests (the base and every overlay) and of the compose file's ekyc settings: no
# cluster, no network beyond the package registries (Debian's nodejs/npm/python3-yaml when missing, the pinned npm
# packages of deploy/k8s/check on first use).
#   1. deploy/k8s/check renders each kustomization (deploy/k8s/base, deploy/k8s/overlays/*) and validates every
#      object against the Kubernetes API schemas (kubernetes-models' generated validators plus a strict pass for
#      unknown field names); the deliberately invalid fixtures in deploy/k8s/testdata/invalid must each be refused for
#      the reason they name, so the schema step is shown to fail. Where kubectl is installed, its `kustomize` renders
#      the same directories and must agree with the in-repo renderer.
#   2. The structural checks below run on each rendered kustomization: pinning, probes, resources, non-root,
#      references between objects, and that every environment variable is a configuration key the code reads.
# Usage: deploy/k8s/validate.sh        Prints one line per failure and exits 1 if there is any.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
check="$here/check"

sudo_cmd() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v python3 >/dev/null && python3 -c 'import yaml' 2>/dev/null || missing+=(python3 python3-yaml)
if [ ${#missing[@]} -gt 0 ]; then
  echo "validate.sh: installing ${missing[*]} (Debian packages)" >&2
  sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The exact versions in package-lock.json (integrity-checked by npm); reinstalled only when the lock file changes.
if ! cmp -s "$check/package-lock.json" "$check/node_modules/.ekyc-lock" 2>/dev/null; then
  (cd "$check" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null 2>&1 \
    || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$check/package-lock.json" "$check/node_modules/.ekyc-lock"
fi

cd "$root"
dirs=(deploy/k8s/base)
for d in deploy/k8s/overlays/*/; do [ -f "$d/kustomization.yaml" ] && dirs+=("${d%/}"); done
rendered=$(mktemp)
trap 'rm -f "$rendered"' EXIT
status=0
node "$check/main.mjs" --out "$rendered" --fixtures deploy/k8s/testdata/invalid "${dirs[@]}" || status=1
if command -v kubectl >/dev/null; then
  node "$check/compare.mjs" deploy/k8s "${dirs[@]}" || status=1
else
  echo "validate.sh: note: kubectl not found; the renderer was not compared with kubectl kustomize"
fi

python3 - "$rendered" "$root" "$status" <<'PY'
import json, os, re, sys
import yaml

rendered_path, repo_root, schema_status = sys.argv[1], sys.argv[2], int(sys.argv[3])
failures = []
current = {"label": None}   # the kustomization being checked, named in every failure line

def fail(where, message):
    prefix = f"{current['label']}: " if current["label"] else ""
    failures.append(f"FAIL {prefix}{where}: {message}")

# --------------------------------------------------------------------------------------------------------------
# Configuration names the service reads. Each entry: (name or regex, source file, evidence that must still be in
# that file). .NET configuration keys are written with `__` for `:` and compared case-insensitively (as .NET does);
# variables the code reads with Environment.GetEnvironmentVariable are compared exactly. If a property is renamed
# in the code, the evidence check fails here and the list (and the manifests) must follow.
# --------------------------------------------------------------------------------------------------------------
HOSTING = "silo/EKyc.Silo/Hosting/HostingOptions.cs"      # section "EKyc" (EkycApplication.cs: GetSection("EKyc"))
KEYS = "silo/EKyc.Silo/Hosting/KeyOptions.cs"             # section "Security:Keys" (EkycApplication.cs, AdminCommands.cs)
API = "api/Endpoints/ApiOptions.cs"                       # section "Api" (api/ApiSetup.cs)
RATE = "api/Http/RateLimits.cs"                           # section "Api:RateLimit" (ApiOptions.RateLimit)
DASH = "api/Dashboards.cs"                                # section "Dashboards" (api/ApiSetup.cs)
POLICY = "verification/EKyc.Verification/Policy/DecisionPolicyOptions.cs"      # "Verification:Policy" (GrainServices.cs)
REVER = "verification/EKyc.Verification/Schedule/ReverificationOptions.cs"     # "Verification:Reverification"
RETAIN = "verification/EKyc.Verification/Retention/RetentionOptions.cs"        # "Retention"
WINDOW = "monitoring/EKyc.Monitoring/Features/WindowOptions.cs"                # "Monitoring:Window"
RULES = "monitoring/EKyc.Monitoring/Rules/RuleDefinition.cs"                   # "Monitoring:Rules:<n>"
HOOKS = "silo/EKyc.Silo/Webhooks/WebhookOptions.cs"                            # "Webhooks"
SCREEN = "silo/EKyc.Silo/Screening/ScreeningOptions.cs"                        # "Screening"
SETTINGS = "silo/EKyc.Silo/appsettings.json"                                   # Logging, Kestrel
ENVKEYS = "silo/EKyc.Security/EnvironmentKeyProvider.cs"                       # EKYC_KEK_CURRENT, EKYC_KEK_<ID>
MODELS = "verification/EKyc.Biometrics/Models/FaceModelsOptions.cs"            # EKYC_MODELS_DIR
OBS = "silo/EKyc.Silo/Observability/ObservabilityOptions.cs"                   # "Observability"
NATS = "silo/EKyc.Streaming.Nats/NatsStreamOptions.cs"                         # "Streaming:Nats" (OrleansSetup.cs)
AUTH = "api/Security/AuthOptions.cs"                                           # "Auth" (api/Security/AuthSetup.cs)
DOCS = "silo/EKyc.Silo/Documents/DocumentsOptions.cs"                          # "Documents"
MODELDIR = "silo/EKyc.Silo/Biometrics/ModelsOptions.cs"                        # "Models"
TRAIN = "silo/EKyc.Silo/Monitoring/AnomalyModelOptions.cs"                     # "Monitoring:Model"
RISK = "monitoring/EKyc.Monitoring/Scoring/RiskThresholds.cs"                  # "Monitoring:Risk"

CONFIG_KEYS = [
    *[(f"EKyc__{p}", HOSTING, p) for p in ("Mode", "Storage", "DataDirectory", "SqliteSynchronous",
        "PostgresConnectionString", "ClusterId", "ServiceId", "SiloPort", "GatewayPort", "ReminderMinimumPeriod",
        "ReminderRefreshPeriod", "MigrateOnStart", "Kubernetes")],
    *[(f"Observability__{p}", OBS, p) for p in ("LogFormat", "Metrics", "OtlpEndpoint", "Dashboard")],
    *[(f"Documents__{p}", DOCS, p) for p in ("OcrEngine", "MaxConcurrent")],
    ("Models__Directory", MODELDIR, "Directory"),
    *[(f"Streaming__Nats__{p}", NATS, p) for p in ("Url", "StreamName", "SubjectPrefix", "QueueCount", "DurableNamePrefix",
        "FetchBatchSize", "MaxAckPending", "AckWait", "MaxDeliver", "Replicas", "MaxAge", "CacheSize")],
    *[(f"Auth__{p}", AUTH, p) for p in ("Enabled", "Issuer", "Audience", "SigningKey", "CaptureTokenLifetime")],
    (r"Auth__ApiKeys__\d+__(Name|Tenant|Role|Sha256)", AUTH, "Sha256"),
    ("Screening__CheckInterval", SCREEN, "CheckInterval"),
    *[(f"Monitoring__Model__{p}", TRAIN, p) for p in ("SampleRate", "MinSamples", "MaxSamples", "SampleRetention",
        "TrainingInterval", "RefreshInterval", "TrainingEnabled")],
    *[(f"Monitoring__Risk__{p}", RISK, p) for p in ("FlagScore", "MinimumHistoryEvents", "TopContributors")],
    *[(f"Security__Keys__{p}", KEYS, p) for p in ("Source", "Directory", "CreateIfMissing")],
    *[(f"Api__{p}", API, p) for p in ("MaxBatchEvents", "MaxRequestBodyBytes", "MaxUploadBodyBytes", "MaxImageBytes")],
    (r"Api__ConsentVersions__\d+", API, "ConsentVersions"),
    *[(f"Api__RateLimit__{p}", RATE, p) for p in ("Enabled", "RequestsPerSecond", "Burst")],
    ("Dashboards__StaffPages", DASH, "StaffPages"),
    *[(f"Verification__Policy__{p}", POLICY, p) for p in ("Version", "MaxAttemptsPerStep")],
    (r"Verification__Policy__RequiredChecks__\w+__\d+", POLICY, "RequiredChecks"),
    *[(f"Verification__Reverification__{p}", REVER, p) for p in ("LowRiskInterval", "MediumRiskInterval",
        "HighRiskInterval", "DocumentExpiryLead", "CheckInterval")],
    *[(f"Retention__{p}", RETAIN, p) for p in ("AmlRecords", "WithdrawnBeforeDecision", "BiometricTemplates")],
    (r"Retention__Jurisdictions__\w+__(AmlRecords|WithdrawnBeforeDecision)", RETAIN, "Jurisdictions"),
    *[(f"Monitoring__Window__{p}", WINDOW, p) for p in ("Retention", "MaxEntries", "DedupCapacity",
        "LargeTransactionAmount", "ChangeLookback", "MaxKnownDevices")],
    (r"Monitoring__Rules__\d+__(Code|Feature|Threshold|Description)", RULES, "Threshold"),
    *[(f"Webhooks__{p}", HOOKS, p) for p in ("PollInterval", "BaseBackoff", "MaxBackoff", "MaxAttempts", "Timeout",
        "BatchSize")],
    *[(f"Screening__{p}", SCREEN, p) for p in ("OfacDirectory", "UnXmlFile", "EuXmlFile")],
    (r"Logging__LogLevel__[\w.]+", SETTINGS, "LogLevel"),
    ("Kestrel__Limits__MaxRequestBodySize", SETTINGS, "MaxRequestBodySize"),
]
ENV_VARS = [
    ("EKYC_KEK_CURRENT", ENVKEYS, '"EKYC_KEK_"'),
    (r"EKYC_KEK_[A-Z0-9_]+", ENVKEYS, '"EKYC_KEK_"'),
    ("EKYC_MODELS_DIR", MODELS, '"EKYC_MODELS_DIR"'),
]
# Read by libraries, not by project code (no evidence file): Microsoft.Orleans.Hosting.Kubernetes'
# KubernetesHostingOptions constants (EKyc.Silo calls UseKubernetesHosting when EKyc:Kubernetes is true), the
# OpenTelemetry SDK's standard variables, and ASP.NET Core host settings documented by Microsoft.
LIBRARY_VARS = {
    "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_CLUSTER_ID", "ORLEANS_SERVICE_ID",
    "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_FORWARDEDHEADERS_ENABLED",
    "OTEL_EXPORTER_OTLP_ENDPOINT",
}

def check_evidence():
    cache = {}
    for name, path, evidence in CONFIG_KEYS + ENV_VARS:
        full = os.path.join(repo_root, path)
        if path not in cache:
            cache[path] = open(full, encoding="utf-8").read() if os.path.isfile(full) else None
        text = cache[path]
        if text is None:
            fail("validate.sh allow-list", f"{name}: source file {path} no longer exists; update the list")
        elif evidence.startswith('"'):
            if evidence not in text:
                fail("validate.sh allow-list", f"{name}: {path} no longer contains {evidence}; update the list")
        elif not re.search(r'(public\s[^;{=]*\b|")' + re.escape(evidence) + r'(\s*\{|")', text):
            fail("validate.sh allow-list", f"{name}: {path} has no property '{evidence}' any more; update the list")

def known_name(name):
    if name in LIBRARY_VARS:
        return True
    if any(re.fullmatch(p, name) for p, _, _ in ENV_VARS):
        return True
    return any(re.fullmatch(p, name, re.IGNORECASE) for p, _, _ in CONFIG_KEYS)

def check_name(where, name):
    if not known_name(name):
        fail(where, f"environment variable '{name}' is not a configuration key the code reads "
                    "(see the list in deploy/k8s/validate.sh)")

# --------------------------------------------------------------------------------------------------------------
# Load the kustomization and its resources.
# --------------------------------------------------------------------------------------------------------------
def load_yaml_docs(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [d for d in yaml.safe_load_all(f) if d is not None]
    except yaml.YAMLError as e:
        fail(os.path.basename(path), f"not valid YAML: {e}")
        return []

def read_env_file(path):
    keys = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if "=" not in line:
                fail(os.path.basename(path), f"line {n} is not KEY=VALUE")
                continue
            k, v = line.split("=", 1)
            keys[k.strip()] = v
    return keys

check_evidence()

def image_pinned(image):
    if "@sha256:" in image:
        return True
    last = image.rsplit("/", 1)[-1]
    if ":" not in last:
        return False
    return last.rsplit(":", 1)[1] not in ("", "latest")

def check_kustomization(label, namespace, objects):
    """The structural checks of one rendered kustomization; returns (objects by kind, external TLS secret names)."""
    current["label"] = label
    if not namespace:
        fail("kustomization.yaml", "no namespace: every object should land in the service's namespace")

    # Every object: apiVersion, kind, metadata.name.
    by_kind = {}
    for fname, doc in objects:
        if not isinstance(doc, dict):
            fail(fname, "a YAML document that is not a mapping")
            continue
        kind, name = doc.get("kind"), (doc.get("metadata") or {}).get("name")
        for field, value in (("apiVersion", doc.get("apiVersion")), ("kind", kind), ("metadata.name", name)):
            if not value:
                fail(f"{fname} {kind or '?'}/{name or '?'}", f"missing {field}")
        if kind and name:
            if name in by_kind.setdefault(kind, {}):
                fail(f"{fname} {kind}/{name}", "defined twice")
            by_kind[kind][name] = (fname, doc)

    def objs(kind):
        return by_kind.get(kind, {})

    if namespace and "Namespace" in by_kind and namespace not in objs("Namespace"):
        fail("kustomization.yaml", f"namespace '{namespace}' is not the Namespace object this kustomization defines")

    # ConfigMaps and Secrets the kustomization provides (generated ones are rendered objects too) and their keys.
    config_maps = {n: set((d.get("data") or {}).keys()) | set((d.get("binaryData") or {}).keys())
                   for n, (_, d) in objs("ConfigMap").items()}
    secrets = {n: set((d.get("data") or {}).keys()) | set((d.get("stringData") or {}).keys())
               for n, (_, d) in objs("Secret").items()}

    # --------------------------------------------------------------------------------------------------------------
    # Deployments.
    # --------------------------------------------------------------------------------------------------------------
    def labels_match(selector, labels):
        return bool(selector) and all(labels.get(k) == v for k, v in selector.items())

    deployment_labels = {}
    for name, (fname, dep) in objs("Deployment").items():
        where = f"{fname} Deployment/{name}"
        spec = dep.get("spec") or {}
        template = spec.get("template") or {}
        pod_labels = (template.get("metadata") or {}).get("labels") or {}
        deployment_labels[name] = pod_labels
        selector = (spec.get("selector") or {}).get("matchLabels") or {}
        if not labels_match(selector, pod_labels):
            fail(where, "spec.selector.matchLabels does not match the pod template's labels")
        pod = template.get("spec") or {}
        pod_sc = pod.get("securityContext") or {}
        sa = pod.get("serviceAccountName")
        if sa and sa not in objs("ServiceAccount"):
            fail(where, f"serviceAccountName '{sa}' is not defined in the kustomization")
        volumes = {v.get("name"): v for v in pod.get("volumes") or []}

        for v in volumes.values():
            if "configMap" in v and v["configMap"].get("name") not in config_maps:
                fail(where, f"volume '{v.get('name')}' uses ConfigMap '{v['configMap'].get('name')}' that the kustomization does not define")
            if "secret" in v and v["secret"].get("secretName") not in secrets:
                fail(where, f"volume '{v.get('name')}' uses Secret '{v['secret'].get('secretName')}' that the kustomization does not define")

        containers = pod.get("containers") or []
        if not containers:
            fail(where, "no containers")
        for kind_of, group in (("container", containers), ("initContainer", pod.get("initContainers") or [])):
            for c in group:
                cw = f"{where} {kind_of} '{c.get('name')}'"
                image = c.get("image") or ""
                if not image:
                    fail(cw, "no image")
                elif not image_pinned(image):
                    fail(cw, f"image '{image}' is not pinned by a tag (or is 'latest')")
                if kind_of == "container":
                    for probe in ("readinessProbe", "livenessProbe"):
                        if not c.get(probe):
                            fail(cw, f"no {probe}")
                res = c.get("resources") or {}
                for section in ("requests", "limits"):
                    for r in ("cpu", "memory"):
                        if not (res.get(section) or {}).get(r):
                            fail(cw, f"resources.{section}.{r} is not set")
                c_sc = c.get("securityContext") or {}
                non_root = c_sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot"))
                if non_root is not True:
                    fail(cw, "runAsNonRoot is not true (pod or container securityContext)")
                if c_sc.get("readOnlyRootFilesystem") is True:
                    mounts = {m.get("mountPath") for m in c.get("volumeMounts") or []}
                    if "/tmp" not in mounts:
                        fail(cw, "readOnlyRootFilesystem without a volume at /tmp (.NET writes there)")
                for m in c.get("volumeMounts") or []:
                    if m.get("name") not in volumes:
                        fail(cw, f"volumeMount '{m.get('name')}' has no volume")

                # Where the environment comes from, and whether each name is one the service reads.
                for src in c.get("envFrom") or []:
                    prefix = src.get("prefix", "")
                    for kind, field, defined in (("ConfigMap", "configMapRef", config_maps), ("Secret", "secretRef", secrets)):
                        if field not in src:
                            continue
                        ref = src[field].get("name")
                        if ref not in defined:
                            fail(cw, f"envFrom {kind} '{ref}' is not defined in the kustomization")
                        for key in sorted(defined.get(ref, ())):
                            check_name(f"{cw} (from {kind} {ref})", prefix + key)
                for e in c.get("env") or []:
                    check_name(cw, e.get("name", ""))
                    vf = e.get("valueFrom") or {}
                    if "configMapKeyRef" in vf:
                        ref, key = vf["configMapKeyRef"].get("name"), vf["configMapKeyRef"].get("key")
                        if ref not in config_maps:
                            fail(cw, f"env {e.get('name')}: ConfigMap '{ref}' is not defined in the kustomization")
                        elif key not in config_maps[ref]:
                            fail(cw, f"env {e.get('name')}: ConfigMap '{ref}' has no key '{key}'")
                    if "secretKeyRef" in vf:
                        ref, key = vf["secretKeyRef"].get("name"), vf["secretKeyRef"].get("key")
                        if ref not in secrets:
                            fail(cw, f"env {e.get('name')}: Secret '{ref}' is not defined in the kustomization")
                        elif key not in secrets[ref]:
                            fail(cw, f"env {e.get('name')}: Secret '{ref}' has no key '{key}'")

    def matching_deployments(selector):
        return [n for n, labels in deployment_labels.items() if labels_match(selector, labels)]

    # --------------------------------------------------------------------------------------------------------------
    # Cross-references between objects.
    # --------------------------------------------------------------------------------------------------------------
    hpa_targets = set()
    for name, (fname, hpa) in objs("HorizontalPodAutoscaler").items():
        ref = (hpa.get("spec") or {}).get("scaleTargetRef") or {}
        if ref.get("kind") != "Deployment" or ref.get("name") not in objs("Deployment"):
            fail(f"{fname} HorizontalPodAutoscaler/{name}", f"scaleTargetRef {ref.get('kind')}/{ref.get('name')} is not a Deployment here")
        else:
            hpa_targets.add(ref["name"])
    for name in hpa_targets:
        fname, dep = objs("Deployment")[name]
        if "replicas" in (dep.get("spec") or {}):
            fail(f"{fname} Deployment/{name}", "sets spec.replicas although an HPA scales it (every apply would reset the count)")

    for name, (fname, svc) in objs("Service").items():
        selector = (svc.get("spec") or {}).get("selector") or {}
        if not matching_deployments(selector):
            fail(f"{fname} Service/{name}", f"selector {selector} matches no Deployment's pods")

    for kind in ("PodDisruptionBudget", "NetworkPolicy"):
        for name, (fname, obj) in objs(kind).items():
            spec = obj.get("spec") or {}
            selector = ((spec.get("selector") if kind == "PodDisruptionBudget" else spec.get("podSelector")) or {}).get("matchLabels") or {}
            if not matching_deployments(selector):
                fail(f"{fname} {kind}/{name}", f"selector {selector} matches no Deployment's pods")

    for name, (fname, rb) in objs("RoleBinding").items():
        role = (rb.get("roleRef") or {}).get("name")
        if (rb.get("roleRef") or {}).get("kind") == "Role" and role not in objs("Role"):
            fail(f"{fname} RoleBinding/{name}", f"roleRef Role '{role}' is not defined")
        for s in rb.get("subjects") or []:
            if s.get("kind") == "ServiceAccount" and s.get("name") not in objs("ServiceAccount"):
                fail(f"{fname} RoleBinding/{name}", f"subject ServiceAccount '{s.get('name')}' is not defined")

    external_tls = []
    for name, (fname, ing) in objs("Ingress").items():
        spec = ing.get("spec") or {}
        if not spec.get("tls"):
            fail(f"{fname} Ingress/{name}", "no TLS section")
        for t in spec.get("tls") or []:
            if t.get("secretName") not in secrets:
                external_tls.append(t.get("secretName"))
        for rule in spec.get("rules") or []:
            for p in ((rule.get("http") or {}).get("paths") or []):
                backend = ((p.get("backend") or {}).get("service") or {})
                svc = objs("Service").get(backend.get("name"))
                if not svc:
                    fail(f"{fname} Ingress/{name}", f"backend Service '{backend.get('name')}' is not defined")
                    continue
                port = backend.get("port") or {}
                ports = (svc[1].get("spec") or {}).get("ports") or []
                if not any(port.get("name") == sp.get("name") if "name" in port else port.get("number") == sp.get("port") for sp in ports):
                    fail(f"{fname} Ingress/{name}", f"backend port {port} is not a port of Service '{backend.get('name')}'")
    return by_kind, external_tls

rendered = json.load(open(rendered_path, encoding="utf-8"))
summaries = []
for entry in rendered:
    objects = [(o["source"], o["object"]) for o in entry["objects"]]
    by_kind, external_tls = check_kustomization(entry["dir"], entry["namespace"], objects)
    summaries.append((entry["dir"], entry["namespace"], by_kind, external_tls))
current["label"] = None


# --------------------------------------------------------------------------------------------------------------
# The compose file uses the same configuration names (only the services running the ekyc image).
# --------------------------------------------------------------------------------------------------------------
compose_path = os.path.join(repo_root, "deploy", "compose", "docker-compose.yml")
compose_checked = 0
if os.path.isfile(compose_path):
    docs = load_yaml_docs(compose_path)
    services = (docs[0] if docs else {}).get("services") or {}
    for sname, svc in services.items():
        if not str(svc.get("image", "")).startswith("ekyc:") and "build" not in svc:
            continue
        compose_checked += 1
        env = svc.get("environment") or {}
        names = env.keys() if isinstance(env, dict) else [e.split("=", 1)[0] for e in env]
        for n in names:
            check_name(f"docker-compose.yml service {sname}", n)
        env_files = svc.get("env_file") or []
        for ef in [env_files] if isinstance(env_files, str) else env_files:
            ef = ef if isinstance(ef, str) else ef.get("path")
            path = os.path.join(os.path.dirname(compose_path), ef)
            path = path if os.path.isfile(path) else path + ".example"
            if not os.path.isfile(path):
                fail(f"docker-compose.yml service {sname}", f"env_file {ef} (or {ef}.example) not found")
                continue
            for n in read_env_file(path):
                check_name(f"docker-compose.yml service {sname} ({os.path.basename(path)})", n)

for line in failures:
    print(line)
if failures or schema_status:
    print(f"validate.sh: {len(failures)} structural failure(s)" + (" and schema failures (above)" if schema_status else ""))
    sys.exit(1)
for label, namespace, by_kind, external_tls in summaries:
    count = sum(len(v) for v in by_kind.values())
    kinds = ", ".join(f"{len(v)} {k}" for k, v in sorted(by_kind.items()))
    print(f"validate.sh: OK: {label}: {count} objects ({kinds})")
    if external_tls:
        print(f"validate.sh: note: {label}: Ingress TLS Secret(s) {', '.join(sorted(set(external_tls)))} must exist in "
              f"namespace {namespace} (created outside the kustomization)")
print(f"validate.sh: compose: {compose_checked} ekyc service(s) use only known configuration names")
PY
