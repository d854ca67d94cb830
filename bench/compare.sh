#!/usr/bin/env bash
# dbsync beside its peers at N = 10, 100, 1000 (or the sizes given): startup (no-op and first apply) against
# Flyway, Liquibase, Ebean migration (with and without its index); the processor's cost against javac alone and
# Hibernate's processor; drizzle-kit's CLI when node is installed. Writes bench/results/results.md and the PNG plots
# the README shows. Not part of ./mvnw verify. Take figures on a quiet machine (`uptime` load average below ~1.5).
# Usage: bench/compare.sh [N...]     Environment: RUNS (fresh javac runs per figure, 3), NOOP_RUNS (31),
#        FRESH_RUNS (fresh JVMs per first-call figure, 5),
#        DBSYNC_TEST_JDBC_URL (the PostgreSQL to use, as for the tests), SKIP_DRIZZLE=1.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(10 100 1000)
RESULTS="$PWD/bench/results"
DATA="$PWD/bench/target/data"
mkdir -p "$RESULTS"
rm -rf "$DATA"

./mvnw -B -q install -DskipTests -pl annotations,schema,processor,runtime -am
./mvnw -B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="bench/target/classes:$(cat bench/target/classpath.txt)"

rm -f "$RESULTS/drizzle.tsv"
if [ -z "${SKIP_DRIZZLE:-}" ] && command -v node >/dev/null && command -v npm >/dev/null; then
  bench/drizzle.sh "$RESULTS/drizzle.tsv" "${SIZES[@]}" || echo "drizzle-kit figures not taken (see above)" >&2
fi

java -cp "$CP" dev.dbsync.bench.Compare generate "$DATA" "${SIZES[@]}"
# the data directory is on the class path: Ebean looks its index up through its own class loader
java -Dbench.classpath="$CP" -Dbench.runs="${RUNS:-3}" -Dbench.noopRuns="${NOOP_RUNS:-31}" \
  -Dbench.freshRuns="${FRESH_RUNS:-5}" \
  -Dbench.load="$(cut -d' ' -f1-3 /proc/loadavg)" -cp "$DATA:$CP" \
  dev.dbsync.bench.Compare run "$DATA" "$RESULTS" "${SIZES[@]}"
