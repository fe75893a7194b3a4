#!/usr/bin/env bash
# Development signing keys for license-issuer-service: an IACA root and a document signer (DS), ECDSA P-256,
# written as PEM to deploy/.local/keys/ (gitignored). Never use these keys outside development.
#
#   deploy/dev-keys.sh               # new IACA + DS (refuses to overwrite an existing IACA)
#   deploy/dev-keys.sh --rotate-ds   # keep the IACA, replace the DS (old files kept with a timestamp)
#   deploy/dev-keys.sh --revoke-ds deploy/.local/keys/ds-cert-<stamp>.pem   # add a DS to the IACA's CRL
#   deploy/dev-keys.sh --crl         # re-sign the IACA's CRL (iaca-crl.pem) before its nextUpdate (90 days)
#   KEYS_DIR=/some/dir deploy/dev-keys.sh
#
# The keys are made by org.elicence.licence.credential.keys.DevKeyTool, the same code the tests use.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
keys_dir="${KEYS_DIR:-$repo_root/deploy/.local/keys}"
module="$repo_root/license-issuer-service"
classpath_file="$module/target/dev-keys.classpath"

cd "$repo_root"
# One reactor run compiles the module (and what it depends on) and records its runtime classpath.
./mvnw -B -q -pl license-issuer-service -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/dev-keys.classpath -Dmdep.includeScope=runtime

mkdir -p "$keys_dir"
chmod 700 "$keys_dir"
java -cp "$module/target/classes:$(cat "$classpath_file")" \
    org.elicence.licence.credential.keys.DevKeyTool "$keys_dir" "$@"

cat <<HINT
Configure license-issuer-service with:
  licence.keys.iaca-cert=$keys_dir/iaca-cert.pem
  licence.keys.ds-cert=$keys_dir/ds-cert.pem
  licence.keys.ds-key=$keys_dir/ds-key.pem
  licence.keys.iaca-crl=$keys_dir/iaca-crl.pem
Publish only iaca-cert.pem to verifiers. iaca-key.pem is needed only to rotate the DS (--rotate-ds).
HINT
