#!/usr/bin/env bash
# Makes sure this machine has what the platform needs besides Java and Maven:
#   - kcat (the operators' Kafka client);
#   - jq, which the operator runbook's kcat commands pipe through;
#   - curl and openssl, which deploy/run-local.sh and the development keys (jwt-dev-keys.sh, mint-token.sh) use;
#   - PostgreSQL listening on 127.0.0.1:5432, where the user postgres logs in without a password (the services'
#     and tests' local settings): on a Debian cluster that asks for one (its default), a rule trusting postgres
#     from this machine's loopback addresses only is put first in the cluster's pg_hba.conf, and said so.
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

# The services and tests log in as postgres with no password over TCP (deploy/run-local.sh, PostgresDatabases).
if ! psql -h "$pg_host" -p "$pg_port" -U postgres -w -d postgres -Atc 'SELECT 1' >/dev/null 2>&1; then
  marker="# e-licence local development (deploy/prerequisites.sh): postgres from loopback only"
  cluster=$(pg_lsclusters -h 2>/dev/null | awk -v port="$pg_port" '$3 == port { print $1 "/" $2; exit }')
  hba=/etc/postgresql/${cluster}/pg_hba.conf
  # only a cluster of this machine, reached on loopback, and only once (a rule already there that does not let
  # postgres in is for a person to look at, not to add again)
  case "$pg_host" in 127.0.0.1|localhost|::1) local_host=1 ;; *) local_host=0 ;; esac
  if [ "$local_host" != 1 ] || [ -z "$cluster" ] || [ ! -w "$hba" ] || grep -qF "$marker" "$hba"; then
    echo "PostgreSQL on $pg_host:$pg_port does not let postgres log in without a password, and its pg_hba.conf is" \
      "not this machine's to change: allow it (host all postgres 127.0.0.1/32 trust) or see README.md" >&2
    exit 1
  fi
  echo "letting postgres log in without a password from this machine's loopback addresses ($hba)"
  rules=$(printf '%s\n' "$marker" "host all postgres 127.0.0.1/32 trust" "host all postgres ::1/128 trust")
  { echo "$rules"; cat "$hba"; } > "$hba.elicence" && cat "$hba.elicence" > "$hba" && rm -f "$hba.elicence"
  pg_ctlcluster --skip-systemctl-redirect "${cluster%/*}" "${cluster#*/}" reload
  for _ in $(seq 1 10); do
    psql -h "$pg_host" -p "$pg_port" -U postgres -w -d postgres -Atc 'SELECT 1' >/dev/null 2>&1 && break
    sleep 1
  done
  psql -h "$pg_host" -p "$pg_port" -U postgres -w -d postgres -Atc 'SELECT 1' >/dev/null \
    || { echo "postgres still cannot log in on $pg_host:$pg_port" >&2; exit 1; }
fi
