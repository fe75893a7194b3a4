#!/usr/bin/env bash
# Runs the whole platform on this machine: a Kafka broker (KRaft, from Maven Central jars), one
# PostgreSQL database per service, and the four services.
#
#   deploy/run-local.sh            build, start everything, print the API address, stay in the
#                                  foreground (Ctrl-C stops it all)
#   deploy/run-local.sh start      the same, but return once everything is ready
#   deploy/run-local.sh stop       stop what 'start' started
#   deploy/run-local.sh start-one NAME [PORT]
#                                  start the broker (NAME=kafka) or one service again, or a further
#                                  instance of a service on PORT (the fault and scale tests use it)
#
# Settings (environment): ELICENCE_HTTP_PORT_BASE (8080: application-service on it, photo-audit +1,
# idcard +2, license-issuer +3; each one's health and metrics on its port + 100), ELICENCE_KAFKA_PORT (9092),
# ELICENCE_DB_SUFFIX (appended to the database names), ELICENCE_STATE_DIR (deploy/.local: keys, broker data, logs, pids),
# ELICENCE_SKIP_BUILD=1 to use the jars already built, ELICENCE_HTTP_HOST (127.0.0.1: the services listen on
# loopback only; the operators' endpoints, idcard-service's /internal, need an operator's token as well:
# deploy/mint-token.sh --operator).
#
# The broker requires authentication and authorises with the ACLs of deploy/kafka-access.conf: services log in
# with SASL SCRAM-SHA-512 on ELICENCE_KAFKA_PORT, each as itself (KAFKA_USERNAME, KAFKA_PASSWORD); operators'
# kcat uses a client certificate on the TLS listener, ELICENCE_KAFKA_PORT + 2 (the controller has + 1). Each
# principal's credentials are in $ELICENCE_STATE_DIR/kafka-credentials/: <principal>.conf is its kcat
# configuration (kcat -F <file>, the runbook's KAFKA_CONFIG), <principal>.scram its SCRAM password.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state=${ELICENCE_STATE_DIR:-$root/deploy/.local}
port_base=${ELICENCE_HTTP_PORT_BASE:-8080}
# Health and metrics (/q/health, /q/metrics) are on a port of their own, the API's port + 100 (Quarkus' management
# interface; on Kubernetes port 9000).
management_offset=100
kafka_port=${ELICENCE_KAFKA_PORT:-9092}
db_suffix=${ELICENCE_DB_SUFFIX:-}
services=(application-service photo-audit-service idcard-service license-issuer-service)
databases=(application photo_audit idcard license_issuer)
db_env=(APPLICATION_DB_URL PHOTO_AUDIT_DB_URL IDCARD_DB_URL LICENCE_DB_URL)
# JVM memory settings: the same as on Kubernetes (deploy/k8s/base/<service>/configmap.yaml: GC_CONTAINER_OPTIONS,
# JAVA_OPTS_APPEND, MALLOC_ARENA_MAX; the container memory limit of the Deployment stands in -XX:MaxRAM here, so
# the heap is the same fraction of the same memory). deploy/k8s-validation (JvmMemoryTest) checks they agree;
# deploy/measure-memory.sh measures the result (docs/deploy.md, "Memory").
memory_limit_mib=(384 640 640 384)
jvm_gc="-XX:+UseSerialGC"
jvm_opts="-XX:MaxRAMPercentage=40 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=5 -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=160m -Xss512k -XX:TrimNativeHeapInterval=5000 -Djdk.nio.maxCachedBufferSize=262144 -XX:+ExitOnOutOfMemoryError"

stop() {
  for pidfile in "$state"/pids/*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null && echo "stopped $(basename "$pidfile" .pid)"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

wait_for() { # name, command...
  local name=$1; shift
  for _ in $(seq 1 180); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "$name did not become ready; see $state/logs/$name.log" >&2
  tail -n 40 "$state/logs/$name.log" >&2 || true
  return 1
}

# Up as the kubelet sees it: started (Quarkus' startup checks) and ready (database, keys; readiness leaves the broker
# out in the services that answer HTTP, docs/deploy.md).
service_up() { # api port
  local health="http://127.0.0.1:$(($1 + management_offset))/q/health"
  curl -fsS "$health/started" && curl -fsS "$health/ready"
}

launch_kafka() { # the broker keeps its data directory, so a restart finds its topics and offsets
  local infra="$root/deploy/local-infra/target/classes"
  : >"$state/logs/kafka.log"
  java -Xmx512m -XX:+UseSerialGC -cp "$infra:$(cat "$infra/org/elicence/infra/kafka-broker.classpath")" \
    org.elicence.infra.LocalKafkaBroker --port "$kafka_port" --controller-port $((kafka_port + 1)) \
    --tls-port $((kafka_port + 2)) --data-dir "$state/kafka-data" --credentials-dir "$state/kafka-credentials" >>"$state/logs/kafka.log" 2>&1 &
  echo $! >"$state/pids/kafka.pid"
  wait_for kafka grep -q ELICENCE-KAFKA-READY "$state/logs/kafka.log"
}

kafka_password() { # principal: its password, from the credentials file the broker wrote
  sed -n 's/^sasl.password=//p' "$state/kafka-credentials/$1.scram"
}

launch_service() { # index into services, HTTP port, instance name (pid and log file)
  local i=$1 port=$2 instance=$3
  env "${db_env[$i]}=jdbc:postgresql://${ELICENCE_PG_HOST:-127.0.0.1}:5432/${databases[$i]}$db_suffix" \
    KAFKA_BOOTSTRAP_SERVERS="localhost:$kafka_port" \
    KAFKA_USERNAME="${services[$i]}" KAFKA_PASSWORD="$(kafka_password "${services[$i]}")" \
    MESSAGING_OPERATORS_TRUST="$state/kafka-credentials/ca.pem" \
    QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST="${ELICENCE_HTTP_HOST:-127.0.0.1}" \
    QUARKUS_MANAGEMENT_PORT="$((port + management_offset))" QUARKUS_MANAGEMENT_HOST="${ELICENCE_HTTP_HOST:-127.0.0.1}" \
    ELICENCE_JWT_PUBLIC_KEY="$state/keys/jwt-public.pem" \
    LICENCE_KEYS_IACA_CERT="$state/keys/iaca-cert.pem" \
    LICENCE_KEYS_DS_CERT="$state/keys/ds-cert.pem" \
    LICENCE_KEYS_DS_KEY="$state/keys/ds-key.pem" \
    LICENCE_KEYS_IACA_CRL="$state/keys/iaca-crl.pem" \
    LICENCE_STATUS_LIST_URI="${LICENCE_STATUS_LIST_URI:-http://localhost:$port/api/v1/licences/status-list}" \
    LICENCE_STATUS_LIST_ALLOW_LOCAL_URI=true \
    MALLOC_ARENA_MAX=2 \
    java $jvm_gc "-XX:MaxRAM=${memory_limit_mib[$i]}m" $jvm_opts \
    -jar "$root/${services[$i]}/target/quarkus-app/quarkus-run.jar" \
    >>"$state/logs/$instance.log" 2>&1 &
  echo $! >"$state/pids/$instance.pid"
}

# Starts one more process of a running platform: the broker again after it was stopped, a service
# again after it died, or a further instance of a service on another port (same consumer group).
start_one() { # kafka | SERVICE [PORT]
  local name=$1 port=${2:-}
  mkdir -p "$state/logs" "$state/pids"
  if [ "$name" = kafka ]; then
    launch_kafka
    return
  fi
  for i in "${!services[@]}"; do
    if [ "${services[$i]}" = "$name" ]; then
      local default_port=$((port_base + i))
      port=${port:-$default_port}
      local instance=$name
      [ "$port" = "$default_port" ] || instance="$name-$port"
      launch_service "$i" "$port" "$instance"
      wait_for "$instance" service_up "$port"
      echo "$instance http://localhost:$port"
      return
    fi
  done
  echo "unknown service: $name (one of: kafka ${services[*]})" >&2
  return 2
}

start() {
  "$root/deploy/prerequisites.sh"
  if [ "${ELICENCE_SKIP_BUILD:-0}" != 1 ]; then
    echo "building (./mvnw install -DskipTests) ..."
    (cd "$root" && ./mvnw -B -q install -DskipTests)
  fi
  mkdir -p "$state/logs" "$state/pids" "$state/keys"
  stop >/dev/null
  rm -f "$state"/logs/*.log

  "$root/deploy/jwt-dev-keys.sh" "$state/keys"
  [ -f "$state/keys/ds-key.pem" ] || KEYS_DIR="$state/keys" "$root/deploy/dev-keys.sh" >/dev/null
  # Keys made before the IACA published a CRL: sign an empty one with the development IACA.
  [ -f "$state/keys/iaca-crl.pem" ] || KEYS_DIR="$state/keys" "$root/deploy/dev-keys.sh" --crl >/dev/null

  for db in "${databases[@]}"; do
    name="$db$db_suffix"
    psql -h "${ELICENCE_PG_HOST:-127.0.0.1}" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$name'" \
      | grep -q 1 || psql -h "${ELICENCE_PG_HOST:-127.0.0.1}" -U postgres -qc "CREATE DATABASE $name"
  done

  launch_kafka
  echo "kafka        localhost:$kafka_port"

  for i in "${!services[@]}"; do
    launch_service "$i" $((port_base + i)) "${services[$i]}"
  done
  for i in "${!services[@]}"; do
    port=$((port_base + i))
    wait_for "${services[$i]}" service_up "$port"
    printf '%-24s http://localhost:%s  (Swagger UI: /q/swagger-ui; health, metrics: http://localhost:%s/q/…)\n' \
      "${services[$i]}" "$port" "$((port + management_offset))"
  done
  cat <<MSG

The mobile API is at http://localhost:$port_base/api/v1/applications
Mint a development token for a seeded citizen (docs/idcard.md lists them):
  TOKEN=\$(deploy/mint-token.sh 11010119900307213X)
Operators' endpoints (idcard-service's /internal) take an operator's token:
  OPERATOR_TOKEN=\$(deploy/mint-token.sh --operator reviewer-001)
Kafka credentials (kcat -F, the runbook's KAFKA_CONFIG): $state/kafka-credentials/<principal>.conf
Logs: $state/logs/   Stop: deploy/run-local.sh stop
MSG
}

case "${1:-run}" in
  start) start ;;
  stop) stop ;;
  start-one) shift; start_one "$@" ;;
  run)
    trap 'echo; stop; exit 0' INT TERM
    start
    echo "Running; Ctrl-C stops everything."
    while true; do sleep 3600; done
    ;;
  *) echo "usage: $0 [run|start|stop|start-one kafka|SERVICE [PORT]]" >&2; exit 2 ;;
esac
