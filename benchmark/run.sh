#!/usr/bin/env bash
# Benchmark: builds the service and the benchmark with the Maven Wrapper, then runs BenchmarkMain,
# which starts the service as a child JVM per mode and concurrency and drives it over HTTP.
# Knobs (environment): BENCH_CONCURRENCY=50,200,1000 BENCH_POOL_SIZE=10 BENCH_LLM_LATENCY_MS=2000
#   BENCH_MODES=scoped,held BENCH_WARMUP_S=15 BENCH_DURATION_S=15 BENCH_CONNECTION_TIMEOUT_MS=3000
#   BENCH_ANSWER_TOKENS=5 BENCH_SERVER_HEAP=512m BENCH_OUTPUT_DIR=bench-results
#   DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/pick-jdk.sh

./mvnw -B -q -pl benchmark -am package -DskipTests
classpath="benchmark/target/classes:$(cat benchmark/target/runtime-classpath.txt)"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$classpath" dev.shortlease.benchmark.BenchmarkMain "$@"
