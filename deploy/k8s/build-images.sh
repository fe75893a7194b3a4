#!/usr/bin/env bash
# Builds and pushes the four service images with Jib (no Docker daemon), then removes what it staged.
#
#   deploy/k8s/build-images.sh REGISTRY [TAG]      e.g. deploy/k8s/build-images.sh registry.elicence.example 1.0.0
#
# Needs: Java 17, push credentials for REGISTRY (Jib reads ~/.docker/config.json or the credential helpers;
# -Dquarkus.container-image.username/password work too), pull access to registry.access.redhat.com for the
# base image, and Debian's opencv-data (deploy/prerequisites.sh installs it): photo-audit-service and
# idcard-service load OpenCV's Haar cascades from /usr/share/opencv4/haarcascades, so those files are staged
# into src/main/jib/, which Quarkus' Jib extension adds to the image as they are (at /usr/share/opencv4/...).
set -euo pipefail
registry=${1:?usage: $0 REGISTRY [TAG]}
tag=${2:-$(cd "$(dirname "$0")/../.." && ./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout)}
root=$(cd "$(dirname "$0")/../.." && pwd)
cascades=/usr/share/opencv4/haarcascades
[ -f "$cascades/haarcascade_frontalface_default.xml" ] \
  || { echo "missing $cascades (apt-get install opencv-data)" >&2; exit 1; }

staged=()
cleanup() { for dir in "${staged[@]}"; do rm -rf "$dir"; done; }
trap cleanup EXIT
for service in photo-audit-service idcard-service; do
  jib_dir="$root/$service/src/main/jib"
  [ -e "$jib_dir" ] && { echo "$jib_dir exists already; refusing to overwrite it" >&2; exit 1; }
  staged+=("$jib_dir")
  mkdir -p "$jib_dir/usr/share/opencv4"
  cp -r "$cascades" "$jib_dir/usr/share/opencv4/"
done

cd "$root"
./mvnw -B package -DskipTests \
  -pl application-service,photo-audit-service,idcard-service,license-issuer-service -am \
  -Dquarkus.container-image.build=true \
  -Dquarkus.container-image.push=true \
  -Dquarkus.container-image.registry="$registry" \
  -Dquarkus.container-image.tag="$tag"
echo "pushed $registry/elicence/{application,photo-audit,idcard,license-issuer}-service:$tag"
