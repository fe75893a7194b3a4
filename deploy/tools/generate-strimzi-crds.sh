#!/usr/bin/env bash
# Generates the CustomResourceDefinitions of the Strimzi resources the manifests use (Kafka, KafkaNodePool,
# KafkaTopic, KafkaUser) with Strimzi's own CRD generator (io.strimzi:crd-generator) from Strimzi's own API model
# (io.strimzi:api), into deploy/k8s-validation/src/test/resources/crds/strimzi/. The validation suite
# checks every rendered kafka.strimzi.io resource against their openAPIV3Schema (CrdSchemas).
#
#   deploy/tools/generate-strimzi-crds.sh            (JAVA21_HOME, or a JDK 21+ under /usr/lib/jvm)
#
# Why generated and not downloaded: Strimzi publishes the CRD YAML as release assets and Helm charts, which the
# project's machines cannot fetch; the generator and the model are on Maven Central. They are built for Java 21,
# so this runs outside the Java 17 build, and its output is committed. Run it again after changing
# strimzi.version in deploy/tools/strimzi-crds/pom.xml (and the operator version in docs/deploy.md).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/deploy/k8s-validation/src/test/resources/crds/strimzi"
pom="$root/deploy/tools/strimzi-crds/pom.xml"

java_home=${JAVA21_HOME:-}
if [ -z "$java_home" ]; then
  for candidate in /usr/lib/jvm/*; do
    release="$candidate/release"
    [ -f "$release" ] || continue
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ -x "$candidate/bin/java" ]; then java_home=$candidate; break; fi
  done
fi
[ -n "$java_home" ] || { echo "needs a JDK 21 or later (set JAVA21_HOME)" >&2; exit 1; }

version=$(sed -n 's:.*<strimzi.version>\(.*\)</strimzi.version>.*:\1:p' "$pom")
classpath=$(mktemp)
trap 'rm -f "$classpath"' EXIT
"$root/mvnw" -B -q -f "$pom" dependency:build-classpath -Dmdep.outputFile="$classpath"

mkdir -p "$out"
rm -f "$out"/*.yaml
# apiextensions.k8s.io/v1 CRDs with only the kafka.strimzi.io v1 API (the one Strimzi 1.x serves and stores) and
# the labels of Strimzi's install files.
"$java_home/bin/java" -cp "$(cat "$classpath")" io.strimzi.crdgenerator.CrdGenerator \
  --yaml --crd-api-version v1 --api-versions v1 --storage-version v1 \
  --label strimzi.io/crd-install:true --label app:strimzi \
  io.strimzi.api.kafka.model.kafka.Kafka="$out/040-Crd-kafka.yaml" \
  io.strimzi.api.kafka.model.nodepool.KafkaNodePool="$out/045-Crd-kafkanodepool.yaml" \
  io.strimzi.api.kafka.model.topic.KafkaTopic="$out/043-Crd-kafkatopic.yaml" \
  io.strimzi.api.kafka.model.user.KafkaUser="$out/044-Crd-kafkauser.yaml"
echo "$version" >"$out/VERSION"
echo "Strimzi $version CRDs in $out"
