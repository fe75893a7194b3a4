#!/usr/bin/env bash
# Makes sure this machine has what the platform needs besides Java and Maven:
#   - kcat (the operators' Kafka client);
#   - jq, which the operator runbook's kcat commands pipe through;
#   - curl and openssl, which deploy/run-local.sh and the development keys (jwt-dev-keys.sh, mint-token.sh) use;
#   - PostgreSQL listening on 127.0.0.1:5432.
# Idempotent; installs only what is missing (needs root for apt-get and for starting PostgreSQL).
set -euo pipefail

missing=()
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v pg_isready >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q "${missing[@]}" >/dev/null
fi

pg_host=${ELICENCE_PG_HOST:-127.0.0.1}
pg_port=${ELICENCE_PG_PORT:-5432}
if ! pg_isready -q -h "$pg_host" -p "$pg_port"; then
  echo "starting PostgreSQL"
  for version in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
  for _ in $(seq 1 30); do pg_isready -q -h "$pg_host" -p "$pg_port" && break; sleep 1; done
  pg_isready -h "$pg_host" -p "$pg_port" || { echo "PostgreSQL is not reachable on $pg_host:$pg_port" >&2; exit 1; }
fi
