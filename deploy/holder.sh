#!/usr/bin/env bash
# A holder's device on the command line (development and interoperability checks): makes a P-256 device key to
# register for an application, and presents an issued licence as an ISO 18013-5 DeviceResponse signed with it.
#
#   deploy/holder.sh keygen deploy/.local/device-key.pem          # prints the public JWK to register:
#       curl -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
#            -d "$(deploy/holder.sh keygen deploy/.local/device-key.pem)" \
#            http://localhost:8080/api/v1/applications/$ID/device-key
#   deploy/holder.sh present licence.b64 deploy/.local/device-key.pem [nonce]   # prints a /verify request body
#   deploy/holder.sh copy licence.b64                              # the same without deviceSigned (ABSENT)
#   deploy/holder.sh engage engagement.png     # ISO 18013-5 device-engagement QR (mdoc:...) as an app shows it
#
# licence.b64 holds the mso_mdoc credential of GET /api/v1/applications/{id}/licence (the bare IssuerSigned).
# The code is org.elicence.licence.holder.HolderCli (license-issuer-service), the library the tests use.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$repo_root/license-issuer-service"
classpath_file="$module/target/holder.classpath"

if [[ ! -f "$classpath_file" || -n "${HOLDER_REBUILD:-}" ]]; then
    (cd "$repo_root" && ./mvnw -B -q -pl license-issuer-service -am compile dependency:build-classpath \
        -Dmdep.outputFile=target/holder.classpath -Dmdep.includeScope=runtime >&2)
fi
exec java -cp "$module/target/classes:$(cat "$classpath_file")" org.elicence.licence.holder.HolderCli "$@"
