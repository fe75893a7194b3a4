#!/usr/bin/env bash
# Prints a development bearer token for the mobile API: RS256, iss/aud as application-service
# expects, sub = the applicant's resident ID number, valid for an hour.
#   deploy/mint-token.sh 11010119900307213X [validity-seconds [issued-at-offset-seconds]]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
keys=${ELICENCE_STATE_DIR:-$here/.local}/keys
[ $# -ge 1 ] || { echo "usage: $0 RESIDENT_ID [VALIDITY_SECONDS [ISSUED_AT_OFFSET_SECONDS]]" >&2; exit 2; }
"$here/jwt-dev-keys.sh" "$keys" >&2
exec java "$here/tools/MintDevToken.java" "$keys/jwt-private.pem" "$1" "${2:-3600}" ${3:+"$3"}
