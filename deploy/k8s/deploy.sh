#!/usr/bin/env bash
# Applies one environment's overlay with an image pinned by digest, then waits for both rollouts. CI's deploy jobs
# run it (.github/workflows/ci.yml); an operator can too.
# Usage: deploy/k8s/deploy.sh ENVIRONMENT IMAGE@sha256:DIGEST        (ENVIRONMENT: a directory under overlays/)
# Environment: KUBECONFIG_B64 (base64 kubeconfig) or the usual KUBECONFIG; EKYC_SECRETS_ENV (the contents of
# base/secrets.env for this environment) or an existing base/secrets.env. RENDER_ONLY=1 prints the manifests and stops.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
die() { echo "deploy.sh: $*" >&2; exit 2; }
[ $# -eq 2 ] || die "usage: deploy.sh ENVIRONMENT IMAGE@sha256:DIGEST"
environment=$1 image=$2
overlay="$here/overlays/$environment"
[ -f "$overlay/kustomization.yaml" ] || die "no overlay $overlay"
# Only a digest names exactly the image that was tested and scanned; a tag can be moved after the fact.
[[ "$image" =~ ^([^@]+)@(sha256:[0-9a-f]{64})$ ]] || die "IMAGE must be REPOSITORY@sha256:<64 hex>"
repository=${BASH_REMATCH[1]} digest=${BASH_REMATCH[2]}
command -v kubectl >/dev/null || die "kubectl is required"

# kustomize takes bases by relative path only, so the release layer sits beside the overlays (git-ignored).
work=$(mktemp -d "$here/overlays/.release-XXXXXX")
secrets="$here/base/secrets.env"
written_secrets=""
cleanup() { rm -rf "$work"; [ -z "$written_secrets" ] || rm -f "$secrets"; }
trap cleanup EXIT
umask 077
if [ -n "${KUBECONFIG_B64:-}" ]; then
  printf '%s' "$KUBECONFIG_B64" | base64 -d > "$work/kubeconfig"
  export KUBECONFIG="$work/kubeconfig"
fi
if [ -n "${EKYC_SECRETS_ENV:-}" ]; then
  [ ! -e "$secrets" ] || die "$secrets exists and EKYC_SECRETS_ENV is set: use one of them"
  printf '%s\n' "$EKYC_SECRETS_ENV" > "$secrets"
  written_secrets=1
fi
[ -f "$secrets" ] || die "no secrets: set EKYC_SECRETS_ENV or create $secrets from secrets.env.example"

# A release layer over the overlay: the same objects, the image replaced by the pushed digest.
cat > "$work/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../$environment
images:
  - name: ekyc
    newName: $repository
    digest: $digest
YAML
kubectl kustomize "$work" > "$work/manifests.yaml"
if [ "${RENDER_ONLY:-}" = 1 ]; then cat "$work/manifests.yaml"; exit 0; fi

namespace=$(awk '$1 == "namespace:" { print $2; exit }' "$work/manifests.yaml")
# The API server checks everything first (schemas, admission, the namespace's Pod Security level), so a refusal
# leaves the running release untouched.
kubectl apply --dry-run=server -f "$work/manifests.yaml" >/dev/null
config_version() { kubectl -n "$namespace" get configmap ekyc-config -o jsonpath='{.metadata.resourceVersion}' 2>/dev/null || true; }
before=$(config_version)
kubectl apply -f "$work/manifests.yaml"
# A changed Secret rolls the pods through its new hashed name; a changed ConfigMap does not, so restart for it.
after=$(config_version)
if [ -n "$before" ] && [ "$before" != "$after" ]; then
  kubectl -n "$namespace" rollout restart deployment/ekyc-silo deployment/ekyc-api
fi
for deployment in ekyc-silo ekyc-api; do
  kubectl -n "$namespace" rollout status "deployment/$deployment" --timeout=15m
done
echo "deploy.sh: $environment runs $repository@$digest"
