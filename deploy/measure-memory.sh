#!/usr/bin/env bash
# Measures the resident memory (VmRSS in /proc/PID/status) of each service and the broker after a warm-up
# load, with the JVM settings of deploy/run-local.sh (the same as the Kubernetes manifests).
#
#   deploy/measure-memory.sh [ROUNDS]      (default 20 rounds)
#
# ELICENCE_WARMUP_ID_CARDS=0 leaves the ID-card uploads out of the warm-up: what idcard-service takes without ever
# reading a card (its registry, applications and review work only), the figure that tells how much its card reading
# costs (docs/deploy.md, "Memory").
#
# Starts the platform with `deploy/run-local.sh start` (ELICENCE_SKIP_BUILD=1 to use the jars already built)
# and stops it at the end; with ELICENCE_USE_RUNNING=1 it uses a platform that run-local.sh already runs (same
# ELICENCE_* settings) and leaves it running. One round is what the mobile app and a verifier do:
#   - ZHANG Wei applies (registry photo -> photo audit);
#   - WANG Fang applies, uploads a portrait (photo audit) and her ID card's front and back (card checks);
#   - LI Na applies and reads her application;
#   - a verifier posts a (bogus) credential to the public verification endpoint and reads the JWKS.
# Then it waits until the audits and card checks are done (every WANG Fang application of the warm-up has its photo
# verdict and both card sides checked, or 300 s; it stops with an error if they are not), waits 10 s more, and prints
# VmRSS, VmHWM (peak), RssAnon and RssFile of every process. Until 2026-12-03 it waited for the last application's
# photo verdict only, and idcard-service, checking the card sides one at a time, could still be at work when its
# memory was read (docs/deploy.md, "Memory").
# Only loopback addresses are used.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state=${ELICENCE_STATE_DIR:-$root/deploy/.local}
port_base=${ELICENCE_HTTP_PORT_BASE:-8080}
rounds=${1:-20}
id_cards=${ELICENCE_WARMUP_ID_CARDS:-1}
export ELICENCE_STATE_DIR=$state
api="http://127.0.0.1:$port_base/api/v1/applications"
issuer="http://127.0.0.1:$((port_base + 3))/api/v1/licences"
photos="$root/deploy/system-tests/src/test/resources"

# One citizen uploads three images a round, far more often than a person could: the per-applicant upload limit
# (20 a minute) would refuse most of the warm-up (it did until 2026-12-03: 40 of its 60 uploads answered 429, so
# the figures before then follow about seven rounds of card checks, not twenty). Lifted for the platform this script
# starts; a running platform (ELICENCE_USE_RUNNING=1) must have been started with it.
export APPLICATIONS_UPLOADS_PER_APPLICANT_LIMIT=${APPLICATIONS_UPLOADS_PER_APPLICANT_LIMIT:-1000000}
# The same citizens open an application every round: the cap of 3 in progress per applicant is lifted too.
export APPLICATIONS_MAX_OPEN_PER_APPLICANT=${APPLICATIONS_MAX_OPEN_PER_APPLICANT:-1000000}
export APPLICATIONS_MAX_OPENINGS_PER_DAY=${APPLICATIONS_MAX_OPENINGS_PER_DAY:-1000000}

started=0
if [ "${ELICENCE_USE_RUNNING:-0}" != 1 ]; then
  "$root/deploy/run-local.sh" start >/dev/null
  started=1
fi
cleanup() { [ "$started" = 1 ] && "$root/deploy/run-local.sh" stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

token() { "$root/deploy/mint-token.sh" "$1" 2>/dev/null; }
zhang=$(token 11010119900307213X)
wang=$(token 440305197806141286)
li=$(token 310104198511230466)

codes=$(mktemp)
call() { curl -s -o /dev/null -w '%{http_code}\n' --max-time 60 "$@" >>"$codes"; }
create() { # token name -> application id
  curl -s --max-time 60 -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -d "{\"fullName\":\"$2\"}" "$api" | jq -r .id
}

echo "warm-up: $rounds rounds" >&2
wang_ids=()
for round in $(seq 1 "$rounds"); do
  create "$zhang" "张伟" >/dev/null
  id=$(create "$wang" "王芳")
  call -X PUT -H "Authorization: Bearer $wang" -H 'Content-Type: image/jpeg' \
    --data-binary @"$photos/photos/grace_hopper.jpg" "$api/$id/photo"
  if [ "$id_cards" = 1 ]; then
    call -X PUT -H "Authorization: Bearer $wang" -H 'Content-Type: image/jpeg' \
      --data-binary @"$photos/idcards/wang-fang-front.jpg" "$api/$id/id-card/front"
    call -X PUT -H "Authorization: Bearer $wang" -H 'Content-Type: image/jpeg' \
      --data-binary @"$photos/idcards/wang-fang-back.jpg" "$api/$id/id-card/back"
  fi
  lid=$(create "$li" "李娜")
  call -H "Authorization: Bearer $li" "$api/$lid"
  call -H 'Content-Type: application/json' -d '{"credential":"not-a-credential"}' "$issuer/verify"
  call "$issuer/jwks.json"
  wang_ids+=("$id")
  printf '.' >&2
done
echo >&2
echo "HTTP answers: $(sort "$codes" | uniq -c | tr -s ' ' | tr '\n' ';')" >&2
refused=$(grep -cvE '^(200|202)$' "$codes" || true)
rm -f "$codes"
if [ "$refused" -gt 0 ]; then
  echo "the warm-up was refused $refused times: the figures would not follow the stated load" >&2
  exit 1
fi

# Done: a photo verdict, and each card side PASS or FAIL (not null, not RECEIVED), on every application of the
# warm-up.
settled='.photoAudit != null'
if [ "$id_cards" = 1 ]; then
  settled="$settled"' and (.idCard.front == "PASS" or .idCard.front == "FAIL")
                     and (.idCard.back == "PASS" or .idCard.back == "FAIL")'
fi
deadline=$((SECONDS + 300))
while :; do
  pending=0
  for id in "${wang_ids[@]}"; do
    curl -s -H "Authorization: Bearer $wang" "$api/$id" | jq -e "$settled" >/dev/null 2>&1 || pending=$((pending + 1))
  done
  if [ "$pending" -eq 0 ]; then
    break
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "after 300 s, $pending of ${#wang_ids[@]} applications still wait for their photo verdict or a card check" >&2
    exit 1
  fi
  sleep 1
done
echo "all ${#wang_ids[@]} portraits audited$([ "$id_cards" = 1 ] && echo ' and their card sides checked')" >&2
sleep 10

# RSS splits into anonymous memory (heap, metaspace, C heap, stacks) and resident pages of mapped files (the JVM's
# and the native libraries' code, the CDS archive): the second is where idcard-service differs (docs/deploy.md).
mib() { # pid, field of /proc/PID/status -> MiB
  awk -v key="$2:" '$1 == key {print int($2 / 1024)}' "/proc/$1/status"
}
printf '%-24s %10s %10s %10s %10s\n' process 'RSS MiB' 'peak MiB' 'anon MiB' 'file MiB'
for name in application-service photo-audit-service idcard-service license-issuer-service kafka; do
  pid=$(cat "$state/pids/$name.pid")
  printf '%-24s %10d %10d %10d %10d\n' "$name" "$(mib "$pid" VmRSS)" "$(mib "$pid" VmHWM)" "$(mib "$pid" RssAnon)" \
    "$(mib "$pid" RssFile)"
done
