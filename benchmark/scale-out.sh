#!/usr/bin/env bash
# The scale-out run (docs/scale-out.md): builds the service and the benchmark, then ScaleOutMain
# starts deploy/local-cluster.sh on a fresh database, drives C streaming chats through HAProxy,
# kills one instance half-way and checks what the database holds.
# Knobs (environment): SCALE_INSTANCES=3 SCALE_POOL_SIZE=5 SCALE_SERVER_CONNECTIONS=10
#   SCALE_CONCURRENCY=1500 SCALE_LLM_LATENCY_MS=2000 SCALE_ANSWER_TOKENS=5 SCALE_WARMUP_S=30
#   SCALE_DURATION_S=60 SCALE_KILL_AFTER_S=30 (0: no kill)
#   DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres (a database is created
#   on that server for the run and dropped afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/pick-jdk.sh

./mvnw -B -q -pl benchmark -am package -DskipTests -Dspotless.check.skip=true
touch bootstrap/target/bootstrap-0.1.0-SNAPSHOT.jar # built just now: local-cluster.sh need not build
classpath="benchmark/target/classes:$(cat benchmark/target/runtime-classpath.txt)"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$classpath" dev.shortlease.benchmark.scaleout.ScaleOutMain "$@"
