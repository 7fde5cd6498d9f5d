#!/usr/bin/env sh
# Exit 0 (and name the first newer file) when the runnable jar is missing or older than any
# pom.xml, anything under .mvn/, or any main source or resource of any module; exit 1 when it is
# up to date. Used by ./shortlease so that a start with nothing changed skips Maven entirely.
# Usage: scripts/needs-build.sh <jar or marker file> [project root, default: .] (a jar needs its lib/)
set -eu
jar=$1
root=${2:-.}
if [ ! -f "$jar" ]; then
  echo "$jar is missing"
  exit 0
fi
case $jar in
  *.jar) ;;
  *) jar_lib=no ;;
esac
if [ "${jar_lib:-yes}" = yes ] && [ ! -d "$(dirname "$jar")/lib" ]; then
  echo "$jar is missing"
  exit 0
fi
newer=$(find "$root" \
  \( -name target -o -name .git -o -path "$root/data" -o -name .m2repo \) -prune -o \
  \( -name pom.xml -o -path '*/.mvn/*' -o -path '*/src/main/*' \) -type f -newer "$jar" -print \
  | head -n 1)
if [ -n "$newer" ]; then
  echo "$newer changed since the last build"
  exit 0
fi
exit 1
