#!/usr/bin/env bash
# Prints the path of a promtool (Prometheus' rule checker and rule unit tester) for deploy/k8s-validation's
# AlertsTest: the one on the PATH, or the one of Debian's prometheus package, unpacked alone into
# deploy/k8s-validation/target/promtool (apt-get download: no root, no Prometheus installed or started).
# Exits 1 when neither can be had; the test is then skipped and says so.
set -euo pipefail
if command -v promtool >/dev/null 2>&1; then
  command -v promtool
  exit 0
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
dir="$root/deploy/k8s-validation/target/promtool"
if [ ! -x "$dir/promtool" ]; then
  command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 || exit 1
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && apt-get download -q prometheus >/dev/null 2>&1) || exit 1
  mkdir -p "$dir"
  dpkg-deb --fsys-tarfile "$work"/prometheus_*.deb | tar -x -C "$work" ./usr/bin/promtool
  mv "$work/usr/bin/promtool" "$dir/promtool"
fi
echo "$dir/promtool"
