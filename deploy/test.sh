#!/usr/bin/env bash
# Runs every test of the platform: unit tests, each service against a real Kafka broker and a real
# PostgreSQL database, and the end-to-end system test of the four services together.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/deploy/prerequisites.sh"
cd "$root"
exec ./mvnw -B verify "$@"
