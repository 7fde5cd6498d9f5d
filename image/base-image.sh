#!/usr/bin/env bash
# Builds the image's base: a docker-archive tarball (what `docker save` writes) with one layer that
# holds only what the service needs to run, Jib then puts the service on top (image/pom.xml):
#   /opt/java                 a jlink runtime of the build JDK with the modules jdeps finds in the
#                             service's jars (+ a few for operations: JFR, the EC provider)
#   /lib/x86_64-linux-gnu     glibc's shared libraries, copied from the build machine's Debian
#   /lib64/ld-linux-x86-64.so.2  package libc6 (the runtime's binaries are linked against glibc)
#   /etc/passwd, group, nsswitch.conf   root and the service's user (uid/gid 10001)
#   /tmp (1777), /app/data (owned by 10001)   the only writable places
# No shell, no package manager: nothing in the image runs but the JVM (docs/deployment.md, ADR 0029).
#
#   image/base-image.sh OUT_DIR CLASSPATH_FILE
# OUT_DIR/base.tar is the result; it is rebuilt only when its inputs changed (the JDK, libc6's
# version, the jars' names, this script). Needs Linux x86_64 with dpkg (Debian/Ubuntu), GNU tar, and the
# JDK in JAVA_HOME (21+, with jlink and jdeps).
set -euo pipefail

out=${1:?usage: base-image.sh OUT_DIR CLASSPATH_FILE}
classpath_file=${2:?usage: base-image.sh OUT_DIR CLASSPATH_FILE}
java_home=${JAVA_HOME:?JAVA_HOME must name the JDK whose runtime goes into the image}
uid=${IMAGE_UID:-10001}
extra_modules=jdk.crypto.ec,jdk.jfr,jdk.management.jfr

fail() {
  echo "base-image: $*" >&2
  exit 1
}
[ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ] ||
  fail "the image's runtime is the build JDK's, so it must be built on Linux x86_64 (this is $(uname -s) $(uname -m))"
command -v dpkg-query >/dev/null || fail "glibc for the image comes from the Debian package libc6: needs dpkg (Debian or Ubuntu)"
[ -x "$java_home/bin/jlink" ] || fail "no jlink in JAVA_HOME=$java_home (a JDK, not a JRE, is needed)"
tar --version | grep -q 'GNU tar' || fail "needs GNU tar"

mkdir -p "$out"
classpath=$(cat "$classpath_file")
libc_version=$(dpkg-query -W -f '${Version}' libc6)
java_version=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')

# Inputs: the JDK, libc6, the jars' names (a dependency added, removed or upgraded) and this
# script. Not the jars' contents: a change of this project's code does not rebuild the runtime
# (a fresh build, as in CI, always runs jdeps; delete OUT_DIR/base.key to force it).
key=$(
  {
    echo "$java_home $java_version $libc_version $uid"
    tr ':' '\n' <<<"$classpath" | xargs -r -n1 basename
    cat "$0"
  } | sha256sum | cut -c1-64
)
if [ -f "$out/base.tar" ] && [ "$(cat "$out/base.key" 2>/dev/null)" = "$key" ]; then
  echo "base-image: $out/base.tar is up to date (JDK $java_version, libc6 $libc_version)"
  exit 0
fi

work=$(mktemp -d "$out/work.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root"

# 1. The Java runtime: what jdeps finds the service's jars use.
jars=$(tr ':' '\n' <<<"$classpath" | grep '\.jar$' | tr '\n' ' ')
# shellcheck disable=SC2086 # one argument per jar
modules=$("$java_home/bin/jdeps" -q --ignore-missing-deps --multi-release "${java_version%%[.+]*}" \
  --print-module-deps --class-path "$classpath" $jars)
[ -n "$modules" ] || fail "jdeps found no modules"
available=$("$java_home/bin/java" --list-modules | sed 's/@.*//')
for module in ${extra_modules//,/ }; do
  grep -qx "$module" <<<"$available" && modules="$modules,$module"
done
echo "base-image: jlink $modules"
"$java_home/bin/jlink" --add-modules "$modules" --output "$root/opt/java" \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  $("$java_home/bin/jlink" --list-plugins | grep -q generate-cds-archive && echo --generate-cds-archive)
# The archive for heaps above 32 GB (no compressed pointers) is never used at this service's sizes.
rm -f "$root/opt/java/lib/server/classes_nocoops.jsa"

# 2. glibc: the shared libraries of libc6 as the build machine has them installed.
libdir=/lib/x86_64-linux-gnu
mkdir -p "$root$libdir" "$root/lib64" "$root/usr/share/doc/libc6"
dpkg-query -L libc6 | grep -E "^$libdir/[^/]+\.so[.0-9]*$" | while read -r lib; do
  cp -L "$lib" "$root$libdir/"
done
[ -f "$root$libdir/ld-linux-x86-64.so.2" ] || fail "libc6 has no $libdir/ld-linux-x86-64.so.2"
ln -s "$libdir/ld-linux-x86-64.so.2" "$root/lib64/ld-linux-x86-64.so.2"
cp /usr/share/doc/libc6/copyright "$root/usr/share/doc/libc6/copyright"

# 3. Users and the writable places.
mkdir -p "$root/etc" "$root/tmp" "$root/app/data"
printf 'root:x:0:0:root:/root:/sbin/nologin\nshortlease:x:%s:%s:shortlease:/app/data:/sbin/nologin\n' \
  "$uid" "$uid" >"$root/etc/passwd"
printf 'root:x:0:\nshortlease:x:%s:\n' "$uid" >"$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
chmod 1777 "$root/tmp"
chmod 0750 "$root/app/data"
chmod -R u+rwX,go+rX,go-w "$root/opt" "$root/lib" "$root/etc" "$root/usr"

# 4. One layer, reproducible: sorted, fixed times, root-owned but /app/data.
layer=$work/layer.tar
common=(--format=posix --sort=name --mtime=@0 --numeric-owner
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
tar -C "$root" "${common[@]}" --owner=0 --group=0 --exclude=./app/data -cf "$layer" .
tar -C "$root" "${common[@]}" --owner="$uid" --group="$uid" --no-recursion -rf "$layer" ./app/data
diff_id=sha256:$(sha256sum "$layer" | cut -c1-64)

# 5. The docker-archive around it: the layer, an image config, manifest.json.
archive=$work/archive
mkdir -p "$archive"
mv "$layer" "$archive/layer.tar"
cat >"$archive/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],
  "Labels":{"dev.shortlease.base.java":"$java_version","dev.shortlease.base.libc6":"$libc_version",
   "dev.shortlease.base.modules":"$modules"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"image/base-image.sh: jlink runtime (JDK $java_version), glibc (libc6 $libc_version), users"}]}
EOF
echo '[{"Config":"config.json","RepoTags":["shortlease-base:local"],"Layers":["layer.tar"]}]' >"$archive/manifest.json"
tar -C "$archive" "${common[@]}" --owner=0 --group=0 -cf "$out/base.tar.partial" manifest.json config.json layer.tar
mv "$out/base.tar.partial" "$out/base.tar"
echo "$key" >"$out/base.key"
echo "base-image: $out/base.tar ($(du -h "$out/base.tar" | cut -f1); JDK $java_version, libc6 $libc_version)"
