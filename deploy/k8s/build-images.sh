#!/usr/bin/env bash
# Builds and pushes the four service images with Jib (no Docker daemon), then removes what it staged.
#
#   deploy/k8s/build-images.sh REGISTRY [TAG [MAVEN-ARGS...]]
#                                   e.g. deploy/k8s/build-images.sh registry.elicence.example 1.0.0
#   Further arguments go to Maven, e.g. -Dquarkus.jib.base-jvm-image=... or -Dquarkus.container-image.insecure=true
#   (deploy/k8s/verify-images.sh uses them to build against a local registry and base image).
#
# Needs: Java 17, push credentials for REGISTRY (Jib reads ~/.docker/config.json or the credential helpers;
# -Dquarkus.container-image.username/password work too), pull access to registry.access.redhat.com for the
# base image, and Debian's opencv-data (deploy/prerequisites.sh installs it): photo-audit-service finds the
# portrait on an ID card with OpenCV's Haar cascade from /usr/share/opencv4/haarcascades, so that folder is staged
# into its src/main/jib/, which Quarkus' Jib extension adds to the image as it is. Its portrait audit needs no file
# outside its jar (the neural models ship inside it).
set -euo pipefail
registry=${1:?usage: $0 REGISTRY [TAG]}
tag=${2:-$(cd "$(dirname "$0")/../.." && ./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout)}
shift $(( $# < 2 ? $# : 2 ))
root=$(cd "$(dirname "$0")/../.." && pwd)
opencv_data=/usr/share/opencv4
[ -f "$opencv_data/haarcascades/haarcascade_frontalface_default.xml" ] \
  || { echo "missing cascades under $opencv_data (apt-get install opencv-data)" >&2; exit 1; }

staged=()
cleanup() { for dir in "${staged[@]}"; do rm -rf "$dir"; done; }
trap cleanup EXIT
for service in photo-audit-service; do
  jib_dir="$root/$service/src/main/jib"
  [ -e "$jib_dir" ] && { echo "$jib_dir exists already; refusing to overwrite it" >&2; exit 1; }
  staged+=("$jib_dir")
  mkdir -p "$jib_dir/usr/share/opencv4"
  cp -r "$opencv_data/haarcascades" "$jib_dir/usr/share/opencv4/"
done

cd "$root"
./mvnw -B package -DskipTests \
  -pl application-service,photo-audit-service,idcard-service,license-issuer-service -am \
  -Dquarkus.container-image.build=true \
  -Dquarkus.container-image.push=true \
  -Dquarkus.container-image.registry="$registry" \
  -Dquarkus.container-image.tag="$tag" \
  -Dquarkus.jib.base-jvm-image="${ELICENCE_BASE_IMAGE:-registry.access.redhat.com/ubi9/openjdk-17-runtime:1.24}" \
  "$@"
echo "pushed $registry/elicence/{application,photo-audit,idcard,license-issuer}-service:$tag"
