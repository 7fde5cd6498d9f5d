#!/usr/bin/env sh
# Builds the service's container image without a Docker daemon or a registry:
#   ./deploy/image.sh            -> image/target/shortlease-image.tar (docker-archive format)
# A jlink runtime of the JDK this picks (21+) and Debian's glibc make the base, Jib adds the
# service's jars (docs/deployment.md, ADR 0029). Needs Linux x86_64 with dpkg (Debian/Ubuntu).
# Load it with `docker load -i`, `podman load -i`, or push it with
# `skopeo copy docker-archive:image/target/shortlease-image.tar docker://REGISTRY/shortlease:TAG`.
# Extra arguments go to Maven (e.g. -o).
set -eu
cd "$(dirname "$0")/.."
. scripts/pick-jdk.sh
if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ] || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "deploy/image.sh: the image is built on Linux x86_64 with dpkg (Debian or Ubuntu): its runtime is this JDK's and its glibc Debian's libc6" >&2
  exit 1
fi
started=$(date +%s)
./mvnw -B -q -pl image -am package -DskipTests -Dinvoker.skip=true -Dspotless.check.skip=true "$@"
tar=image/target/shortlease-image.tar
echo "deploy/image.sh: $tar ($(du -h "$tar" | cut -f1), $(($(date +%s) - started)) s)"
