#!/usr/bin/env bash
# Benchmark: builds the service and the benchmark with the Maven Wrapper, then runs BenchmarkMain,
# which starts each mode's service as a child JVM per point and drives it over HTTP.
# Knobs (environment; docs/benchmark.md and the README's Benchmark section explain them):
#   BENCH_MODES=scoped,floor,held (also spring-osiv, spring-osiv-body)  BENCH_POINTS=C[@L_ms][:mode+mode],...  BENCH_LONG=1
#   BENCH_CONCURRENCY=50,200,1000 (every mode, at BENCH_LLM_LATENCY_MS=2000)  BENCH_POOL_SIZE=10
#   BENCH_WARMUP_S=10 BENCH_DURATION_S=10 BENCH_CONNECTION_TIMEOUT_MS=3000 BENCH_ANSWER_TOKENS=5
#   BENCH_ROUNDS=1 (3 with BENCH_LONG=1: scoped and floor in alternating windows)
#   BENCH_SERVER_HEAP=512m BENCH_SERVER_JVM_OPTS= BENCH_OUTPUT_DIR=bench-results
#   DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/pick-jdk.sh

# Every open stream is a socket in the generator and another in the service: C=10,000 needs more
# than 10,000 file descriptors in each of the two processes (~12,000 with jars, pool and logs).
# Raise the soft limit as far as allowed (the child services inherit it; the JVM would raise its
# own to the hard limit anyway), and refuse the long point early if the hard limit is too low.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 12000 ] \
    && { [ "${BENCH_LONG:-}" = 1 ] || [[ "${BENCH_POINTS:-}" == *10000* ]]; }; then
  echo "run.sh: open-file limit $(ulimit -n) is too low for C=10,000 (needs ~12,000 per process);" \
    "raise the hard limit (ulimit -Hn, limits.conf or the container's nofile)" >&2
  exit 2
fi

./mvnw -B -q -pl benchmark,benchmark/spring-osiv -am package -DskipTests
classpath="benchmark/target/classes:$(cat benchmark/target/runtime-classpath.txt)"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$classpath" dev.shortlease.benchmark.BenchmarkMain "$@"
