#!/usr/bin/env bash
# Builds Herald and its benchmarks, runs all of them, and writes benchmarks/RESULTS.md and
# benchmarks/results.png (raw results and the log in benchmarks/target/results/).
#
#   benchmarks/run.sh           the full run: about 20 minutes on 2 cores
#   benchmarks/run.sh --quick   a smoke test of everything: about 5 minutes; writes benchmarks/target/quick/
#   benchmarks/run.sh --no-build   reuse benchmarks/target/benchmarks.jar and processor/target (either mode)
#   benchmarks/run.sh --cluster-only   only the Redis Cluster harness and its report (with --quick: a smoke
#                                      test); writes benchmarks/target/cluster[-quick]/, never RESULTS.md
#   benchmarks/run.sh --requests-only  only the request-reply harness and its report (with --quick: a smoke
#                                      test, under a minute); writes benchmarks/target/requests[-quick]/, never RESULTS.md
#   benchmarks/run.sh --durable-only   only the durable (Redis Streams) harness and its report (with --quick: a smoke
#                                      test, about a minute); writes benchmarks/target/durable[-quick]/, never RESULTS.md
#
# Needs a JDK 17+, Maven 3.8+ and redis-server on the PATH (redis-benchmark too, for the reference row;
# redis-cli for the Redis Cluster runs, which are skipped without it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode=full
build=1
cluster_only=0
requests_only=0
durable_only=0
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    --no-build) build=0 ;;
    --cluster-only) cluster_only=1 ;;
    --requests-only) requests_only=1 ;;
    --durable-only) durable_only=1 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done
if [ $((cluster_only + requests_only + durable_only)) -gt 1 ]; then
  echo "--cluster-only, --requests-only and --durable-only exclude each other" >&2
  exit 2
fi

for tool in java javac mvn redis-server; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is not on the PATH" >&2; exit 1; }
done

if [ "$build" -eq 1 ]; then
  echo ">>> building annotations, grammar, processor, runtime and the benchmarks uber-jar (tests skipped)"
  mvn -q -B -ntp -pl annotations,grammar,processor,runtime,benchmarks -Puberjar -Dmaven.test.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package
fi

jar=benchmarks/target/benchmarks.jar
# the processor jar the compile-cost harness puts on javac's processor path: the one just built, unless
# HERALD_PROCESSOR_JAR names another
processor=${HERALD_PROCESSOR_JAR:-$(ls processor/target/herald-processor-*.jar 2>/dev/null | grep -v -e '/original-' -e 'sources' -e 'javadoc' | head -n 1 || true)}
[ -f "$jar" ] || { echo "$jar is missing: run without --no-build" >&2; exit 1; }
[ -n "$processor" ] && [ -f "$processor" ] || { echo "the processor jar is missing: run without --no-build" >&2; exit 1; }

if [ "$mode" = quick ]; then
  results=benchmarks/target/quick/results
  markdown=benchmarks/target/quick/RESULTS.md
  chart=benchmarks/target/quick/results.png
  jmh_options=(-f 1 -wi 2 -w 1s -i 2 -r 1s)
  quick=(--quick)
  paired_options=(--repetitions 2)
else
  results=benchmarks/target/results
  markdown=benchmarks/RESULTS.md
  chart=benchmarks/results.png
  jmh_options=()
  quick=()
  paired_options=(--repetitions 10 --seconds 5 --latency-seconds 3)
fi
if [ "$cluster_only" -eq 1 ]; then
  # never overwrites the full run's RESULTS.md with a report that holds only the cluster
  out=benchmarks/target/cluster; [ "$mode" = quick ] && out=$out-quick
  results=$out/results
  markdown=$out/RESULTS.md
  chart=$out/results.png
fi
if [ "$requests_only" -eq 1 ]; then
  # likewise: a report that holds only request-reply never replaces RESULTS.md
  out=benchmarks/target/requests; [ "$mode" = quick ] && out=$out-quick
  results=$out/results
  markdown=$out/RESULTS.md
  chart=$out/results.png
fi
if [ "$durable_only" -eq 1 ]; then
  # likewise for the durable channels
  out=benchmarks/target/durable; [ "$mode" = quick ] && out=$out-quick
  results=$out/results
  markdown=$out/RESULTS.md
  chart=$out/results.png
fi
rm -rf "$results"
mkdir -p "$results"

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
# this script's own outputs from an earlier run do not count as changes to what is measured
if [ "$commit" != unknown ] && [ -n "$(git status --porcelain 2>/dev/null | grep -v -e ' benchmarks/RESULTS.md$' -e ' benchmarks/results.png$')" ]; then
  commit="$commit (with uncommitted changes)"
fi
{
  echo "mode=$mode"
  echo "command=benchmarks/run.sh${1:+ $*}"
  echo "started=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit=$commit"
  echo "nproc=$(nproc)"
  echo "loadavg.start=$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$results/run.properties"

java=(java -Djava.awt.headless=true)

cluster_run() {
  if command -v redis-cli >/dev/null 2>&1; then
    echo ">>> end to end over a local Redis Cluster (3 masters + 3 replicas)"
    "${java[@]}" -Xms2g -Xmx2g -Xmn1g -jar "$jar" cluster "${quick[@]}" --out "$results/cluster.json"
  else
    echo ">>> Redis Cluster runs skipped: redis-cli is not on the PATH"
  fi
}

requests_run() {
  echo ">>> request-reply over redis-server"
  "${java[@]}" -Xms2g -Xmx2g -Xmn1g -jar "$jar" requests "${quick[@]}" --out "$results/requests.json"
}

durable_run() {
  echo ">>> durable channels (Redis Streams, consumer groups) over redis-server"
  "${java[@]}" -Xms2g -Xmx2g -Xmn1g -jar "$jar" durable "${quick[@]}" --out "$results/durable.json"
}

if [ "$cluster_only" -eq 1 ] || [ "$requests_only" -eq 1 ] || [ "$durable_only" -eq 1 ]; then
  {
    if [ "$cluster_only" -eq 1 ]; then cluster_run
    elif [ "$requests_only" -eq 1 ]; then requests_run
    else durable_run; fi
    echo "finished=$(date -u '+%H:%M UTC')" >> "$results/run.properties"
    echo ">>> report"
    "${java[@]}" -jar "$jar" report --results "$results" --markdown "$markdown" --chart "$chart"
  } 2>&1 | tee "$results/run.log"
  exit "${PIPESTATUS[0]}"
fi

{
  echo ">>> JMH: codec and in-memory transport"
  "${java[@]}" -jar "$jar" jmh "${jmh_options[@]}" -rf json -rff "$results/jmh.json" 'dev\.herald\.bench\.jmh\.(Codec|InMemoryThroughput|HandOffBaseline)Benchmark\..*'

  echo ">>> JMH: metrics and observations on and off, with -prof gc (bytes allocated per message)"
  "${java[@]}" -jar "$jar" jmh "${jmh_options[@]}" -prof gc -rf json -rff "$results/jmh-metrics.json" 'dev\.herald\.bench\.jmh\.MetricsOverheadBenchmark\..*'

  echo ">>> end to end over redis-server"
  # a 1 GB young generation, emptied before each measurement, keeps G1 pauses (10-80 ms on a small VM)
  # out of most 2-second latency runs; allocation still shows in the CPU-per-message figures
  "${java[@]}" -Xms2g -Xmx2g -Xmn1g -jar "$jar" e2e "${quick[@]}" --out "$results/e2e.json"

  echo ">>> end to end, paired: Herald and hand-batched Lettuce alone, alternating, for issue 18's ratios"
  # ten repetitions of 5-second runs, each ratio taken within a repetition: a shared machine's drift between
  # two contenders' turns in the main run (six contenders, three 2-second repetitions) moves a ratio 10-25 %
  "${java[@]}" -Xms2g -Xmx2g -Xmn1g -jar "$jar" e2e "${quick[@]}" "${paired_options[@]}" \
    --contenders lettuce-batched,herald --no-redis-benchmark --out "$results/e2e-paired.json"

  cluster_run

  requests_run

  durable_run

  echo ">>> compile cost"
  "${java[@]}" -Xms1g -Xmx2g -jar "$jar" compile "${quick[@]}" --processor "$processor" --out "$results/compile.json"

  echo "finished=$(date -u '+%H:%M UTC')" >> "$results/run.properties"
  echo ">>> report"
  "${java[@]}" -jar "$jar" report --results "$results" --markdown "$markdown" --chart "$chart"
} 2>&1 | tee "$results/run.log"
