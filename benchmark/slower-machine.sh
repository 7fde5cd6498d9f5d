#!/usr/bin/env bash
# Runs benchmark/run.sh (same knobs) on an emulated slower machine, for issue 17's "on the slower
# machine too" (docs/benchmark.md, "A slower machine"). Needs root and a local PostgreSQL.
#   one-core    the generator, the services and PostgreSQL pinned to CPU 0 (taskset)
#   half-speed  a busy loop per core in a cgroup (v1 cpu controller) with the same cpu.shares as
#               the benchmark's, so both get half of every core: a 2-core machine at half speed
# Example: BENCH_POINTS=1000:scoped+floor BENCH_CONCURRENCY= benchmark/slower-machine.sh half-speed
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: benchmark/slower-machine.sh one-core|half-speed}
postgres=$(pgrep -f postgres || true)
[ -n "$postgres" ] || { echo "slower-machine.sh: no local PostgreSQL process to include" >&2; exit 2; }

case "$mode" in
  one-core)
    for p in $postgres; do taskset -apc 0 "$p" >/dev/null; done
    trap 'for p in $(pgrep -f postgres); do taskset -apc 0-$(($(nproc --all) - 1)) "$p" >/dev/null; done' EXIT
    taskset -c 0 ./benchmark/run.sh
    ;;
  half-speed)
    cg=/sys/fs/cgroup/cpu
    [ -w "$cg" ] || { echo "slower-machine.sh: needs the cgroup v1 cpu controller at $cg" >&2; exit 2; }
    mkdir -p "$cg/shortlease-bench" "$cg/shortlease-hog"
    for p in $postgres; do echo "$p" > "$cg/shortlease-bench/cgroup.procs"; done
    echo $$ > "$cg/shortlease-bench/cgroup.procs"
    hogs=()
    for _ in $(seq "$(nproc)"); do
      bash -c "echo \$\$ > $cg/shortlease-hog/cgroup.procs; while :; do :; done" &
      hogs+=($!)
    done
    trap 'kill ${hogs[*]} 2>/dev/null; for p in $(pgrep -f postgres); do echo "$p" > '"$cg"'/cgroup.procs; done' EXIT
    ./benchmark/run.sh
    ;;
  *)
    echo "slower-machine.sh: unknown mode $mode (one-core or half-speed)" >&2
    exit 2
    ;;
esac
