#!/usr/bin/env bash
# Builds and pushes the four service images with Jib (no Docker daemon).
#
#   deploy/k8s/build-images.sh REGISTRY [TAG [MAVEN-ARGS...]]
#                                   e.g. deploy/k8s/build-images.sh registry.elicence.example 1.0.0
#   Further arguments go to Maven, e.g. -Dquarkus.jib.base-jvm-image=... or -Dquarkus.container-image.insecure=true
#   (deploy/k8s/verify-images.sh uses them to build against a local registry and base image).
#
# Needs: Java 17, push credentials for REGISTRY (Jib reads ~/.docker/config.json or the credential helpers;
# -Dquarkus.container-image.username/password work too) and pull access to registry.access.redhat.com for the
# base image. No service needs a file outside its jar: photo-audit-service's face models and Tesseract models
# are resources of its jar.
set -euo pipefail
registry=${1:?usage: $0 REGISTRY [TAG]}
tag=${2:-$(cd "$(dirname "$0")/../.." && ./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout)}
shift $(( $# < 2 ? $# : 2 ))
root=$(cd "$(dirname "$0")/../.." && pwd)

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
