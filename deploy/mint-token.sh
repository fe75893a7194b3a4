#!/usr/bin/env bash
# Prints a development bearer token (RS256, signed with the development identity provider's key), valid for an hour:
#   deploy/mint-token.sh 11010119900307213X [validity-seconds [issued-at-offset-seconds]]
#       an applicant's, for the mobile API: aud elicence-mobile, sub = the applicant's resident ID number
#   deploy/mint-token.sh --operator reviewer-001 [validity-seconds]
#       an operator's, for the operators' endpoints (/internal of idcard-service and application-service): aud elicence-operators,
#       sub = the operator's id, groups = [operator]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
keys=${ELICENCE_STATE_DIR:-$here/.local}/keys
usage="usage: $0 RESIDENT_ID [VALIDITY_SECONDS [ISSUED_AT_OFFSET_SECONDS]] | --operator OPERATOR_ID [VALIDITY_SECONDS]"
[ $# -ge 1 ] || { echo "$usage" >&2; exit 2; }
"$here/jwt-dev-keys.sh" "$keys" >&2
if [ "$1" = --operator ]; then
  [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }
  exec java "$here/tools/MintDevToken.java" "$keys/jwt-private.pem" --operator "$2" "${3:-3600}"
fi
exec java "$here/tools/MintDevToken.java" "$keys/jwt-private.pem" "$1" "${2:-3600}" ${3:+"$3"}
