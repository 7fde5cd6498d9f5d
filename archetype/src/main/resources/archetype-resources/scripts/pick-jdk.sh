# Sourced by ./mvnw, ./start and .ci/run: leaves JAVA_HOME pointing at a JDK 21+.
# Keeps JAVA_HOME (or the java on PATH) when it is one; else takes the newest JDK installed under
# /usr/lib/jvm or /Library/Java/JavaVirtualMachines, so a machine whose default java is older
# still runs with no setup. POSIX sh, so the service's start script can use it too.

java_major() {
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]; exit}'
}

jdk_ok() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ "$(java_major "$1" 2>/dev/null || echo 0)" -ge 21 ]
}

if ! jdk_ok "${JAVA_HOME:-}"; then
  on_path=$(command -v java 2>/dev/null || true)
  on_path=${on_path:+$(readlink -f "$on_path" 2>/dev/null || true)}
  on_path=${on_path:+$(dirname "$(dirname "$on_path")")}
  if jdk_ok "$on_path"; then
    JAVA_HOME=$on_path
  else
    best=""
    best_major=0
    for jdk in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
      [ -x "$jdk/bin/javac" ] || continue
      major=$(java_major "$jdk" 2>/dev/null || echo 0)
      if [ "${major:-0}" -gt "$best_major" ]; then
        best=$jdk
        best_major=$major
      fi
    done
    if [ "$best_major" -lt 21 ]; then
      echo "__ARTIFACT_ID__ needs a JDK 21 or newer: set JAVA_HOME to one (none found on PATH or under /usr/lib/jvm)" >&2
      exit 1
    fi
    JAVA_HOME=$best
  fi
fi
export JAVA_HOME
PATH="$JAVA_HOME/bin:$PATH"
export PATH
