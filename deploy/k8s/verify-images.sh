#!/usr/bin/env bash
# Proves, on a machine without a Docker engine or registry access, that deploy/k8s/build-images.sh builds
# images that run: it starts a throw-away local registry (Debian's docker-registry), builds a stand-in
# base image (Debian bookworm + openjdk-17-jre-headless, made with debootstrap and umoci), builds and
# pushes the four service images with build-images.sh against them, then unpacks photo-audit-service's
# image (skopeo, umoci) and runs it as the image says (its user, working directory, command) with chroot,
# as a further instance of a locally running platform, and checks that it becomes ready and audits a photo.
#
#   sudo deploy/k8s/verify-images.sh        (root: debootstrap, chroot and mounts need it)
#
# The production base image (registry.access.redhat.com/ubi9/openjdk-17-runtime) is not reachable from
# the machine this was written on, hence the stand-in: the layers Jib adds, the non-root user, the entry
# point and the neural models inside the application jar are what is verified, not the UBI base.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${VERIFY_IMAGES_DIR:-$root/deploy/k8s/.verify-images}
registry=127.0.0.1:5055
ports=(28080 29092)

[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap, chroot, mount)" >&2; exit 1; }
command -v docker-registry >/dev/null && command -v skopeo >/dev/null && command -v umoci >/dev/null \
  && command -v debootstrap >/dev/null \
  || DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-registry skopeo umoci debootstrap >/dev/null
mkdir -p "$work"
cd "$work"

bundle=$work/photo-audit-bundle
platform() { ELICENCE_HTTP_PORT_BASE=${ports[0]} ELICENCE_KAFKA_PORT=${ports[1]} \
  ELICENCE_DB_SUFFIX=_img ELICENCE_STATE_DIR=$work/state "$root/deploy/run-local.sh" "$@"; }
cleanup() {
  pkill -u 185 -f quarkus-run.jar 2>/dev/null || true
  umount -l "$bundle/rootfs/proc" "$bundle/rootfs/dev" 2>/dev/null || true
  platform stop >/dev/null 2>&1 || true
  [ -n "${registry_pid:-}" ] && kill "$registry_pid" 2>/dev/null || true
}
trap cleanup EXIT

echo "== local registry on $registry"
cat >registry.yml <<EOF
version: 0.1
storage:
  filesystem:
    rootdirectory: $work/registry-data
http:
  addr: $registry
EOF
docker-registry serve registry.yml >registry.log 2>&1 &
registry_pid=$!
for _ in $(seq 1 30); do curl -fs "http://$registry/v2/" >/dev/null && break; sleep 1; done

echo "== stand-in base image: Debian bookworm + openjdk-17-jre-headless, user 185"
if [ ! -x base-rootfs/usr/lib/jvm/java-17-openjdk-amd64/bin/java ]; then
  rm -rf base-rootfs
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm base-rootfs http://deb.debian.org/debian >debootstrap.log
  echo 'jboss:x:185:0:jboss:/home/jboss:/usr/sbin/nologin' >>base-rootfs/etc/passwd
  install -d -o 185 -g 0 base-rootfs/home/jboss
fi
rm -rf base-oci base-bundle
umoci init --layout base-oci
umoci new --image base-oci:17
umoci unpack --image base-oci:17 base-bundle >/dev/null
cp -a base-rootfs/. base-bundle/rootfs/
umoci repack --image base-oci:17 base-bundle
umoci config --image base-oci:17 --config.env "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64" \
  --config.env "PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin:/usr/local/bin:/usr/bin:/bin"
skopeo copy -q --dest-tls-verify=false oci:base-oci:17 "docker://$registry/base/debian-jre:17"

echo "== build and push the four images with build-images.sh"
"$root/deploy/k8s/build-images.sh" "$registry" verify \
  -Dquarkus.jib.base-jvm-image="$registry/base/debian-jre:17" -Dquarkus.container-image.insecure=true >build.log 2>&1 \
  || { tail -40 build.log >&2; exit 1; }
grep "Pushed container image" build.log | sed 's/.*Pushed/pushed/'

echo "== unpack photo-audit-service's image and read how it runs"
rm -rf photo-audit-oci "$bundle"
skopeo copy -q --src-tls-verify=false "docker://$registry/elicence/photo-audit-service:verify" oci:photo-audit-oci:verify
umoci unpack --image photo-audit-oci:verify "$bundle" >/dev/null
read -r user cwd args < <(python3 -c "
import json, shlex; p = json.load(open('$bundle/config.json'))['process']
print(p['user']['uid'], p['cwd'], shlex.join(p['args']))")
echo "user $user, working directory $cwd, command: $args"
[ "$user" != 0 ] || { echo "the image runs as root" >&2; exit 1; }
find "$bundle/rootfs" -name 'photo-audit-service*.jar' -exec unzip -l {} \; | grep -q 'models/mediapipe/face_landmark.tflite' \
  || { echo "the MediaPipe models are not in photo-audit-service's jar" >&2; exit 1; }

echo "== run it beside a local platform (whose own photo-audit-service is stopped)"
platform start >/dev/null
kill "$(cat "$work/state/pids/photo-audit-service.pid")"
mount -t proc proc "$bundle/rootfs/proc"
mount --bind /dev "$bundle/rootfs/dev"
env -i JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 HOME=/home/jboss \
  PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin:/usr/bin:/bin \
  PHOTO_AUDIT_DB_URL=jdbc:postgresql://127.0.0.1:5432/photo_audit_img KAFKA_BOOTSTRAP_SERVERS=localhost:${ports[1]} \
  KAFKA_USERNAME=photo-audit-service \
  KAFKA_PASSWORD="$(sed -n 's/^sasl.password=//p' "$work/state/kafka-credentials/photo-audit-service.scram")" \
  QUARKUS_HTTP_PORT=28091 QUARKUS_MANAGEMENT_PORT=28191 \
  /usr/sbin/chroot --userspec="$user:0" "$bundle/rootfs" /bin/sh -c "cd $cwd && exec $args" >container.log 2>&1 &
for _ in $(seq 1 90); do curl -fs http://localhost:28191/q/health/ready >/dev/null && break; sleep 2; done
curl -fs http://localhost:28191/q/health/ready >/dev/null || { tail -40 container.log >&2; exit 1; }
echo "ready: the container's photo-audit-service (uid $user) answers /q/health/ready on its management port"

token=$(ELICENCE_STATE_DIR=$work/state "$root/deploy/mint-token.sh" 440305197806141286 2>/dev/null)
api=http://localhost:${ports[0]}/api/v1/applications
id=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"fullName":"王芳"}' "$api" | jq -r .id)
sleep 5
curl -fs -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: image/jpeg' \
  --data-binary @"$root/deploy/system-tests/src/test/resources/photos/grace_hopper.jpg" "$api/$id/photo"
for _ in $(seq 1 30); do
  status=$(curl -fs -H "Authorization: Bearer $token" "$api/$id" | jq -r .status)
  [ "$status" = PHOTO_REJECTED ] && break
  sleep 1
done
grep -q "audited photo" container.log || { echo "the container did not audit the photo (status $status)" >&2; exit 1; }
echo "audited by the container: the application is $status with reasons" \
  "$(curl -fs -H "Authorization: Bearer $token" "$api/$id" | jq -c '[.photoAudit.failures[].rule]')"
echo "VERIFIED"
