#!/usr/bin/env bash
# Installs (from Debian packages) and starts the servers the integration tests and cluster mode use:
# PostgreSQL and NATS with JetStream. Idempotent: safe to run again. Prints the environment to export.
# Usage: deploy/dev/services.sh [postgres] [nats]   (default: both)
set -euo pipefail
want=("$@"); [ ${#want[@]} -eq 0 ] && want=(postgres nats)
root=$(cd "$(dirname "$0")/../.." && pwd)
state="$root/.data/services"; mkdir -p "$state"
sudo_cmd() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_ready=0
need_pkg() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_ready -eq 0 ]; then sudo_cmd apt-get update -qq; apt_ready=1; fi
  DEBIAN_FRONTEND=noninteractive sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

start_postgres() {
  need_pkg postgresql
  local ver; ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | grep -q "^$ver main"; then sudo_cmd pg_createcluster "$ver" main >&2; fi
  if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $4}' | grep -q online; then
    # pg_ctlcluster talks on stdout (e.g. "Removed stale pid file"): keep stdout for the export lines only.
    sudo_cmd pg_ctlcluster "$ver" main start >&2
  fi
  local psql=(runuser -u postgres -- psql -qtA)
  [ "$(id -u)" -eq 0 ] || psql=(sudo -u postgres psql -qtA)
  for _ in $(seq 1 60); do "${psql[@]}" -c 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
  "${psql[@]}" -c "select 1 from pg_roles where rolname='ekyc'" | grep -q 1 \
    || "${psql[@]}" -c "create role ekyc login password 'ekyc' createdb" >&2
  "${psql[@]}" -c "select 1 from pg_database where datname='ekyc'" | grep -q 1 \
    || "${psql[@]}" -c "create database ekyc owner ekyc" >&2
  # Connection headroom for a 2-silo test cluster plus the read models.
  echo "export EKYC_TEST_POSTGRES='Host=127.0.0.1;Port=5432;Username=ekyc;Password=ekyc;Database=ekyc;Maximum Pool Size=20'"
}

start_nats() {
  need_pkg nats-server
  if ! (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; then
    mkdir -p "$state/nats"
    nohup nats-server -js -sd "$state/nats" -a 127.0.0.1 -p 4222 >"$state/nats.log" 2>&1 &
    for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null && break; sleep 0.1; done
  fi
  echo "export EKYC_TEST_NATS='nats://127.0.0.1:4222'"
}

for w in "${want[@]}"; do
  case "$w" in
    postgres) start_postgres ;;
    nats) start_nats ;;
    *) echo "unknown service: $w" >&2; exit 2 ;;
  esac
done
