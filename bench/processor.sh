#!/usr/bin/env bash
# Processor cost benchmark (issue 4). For N = 10, 100, 1000 records of 10 columns it prints, as medians of
# $RUNS fresh javac runs: javac without the processor; javac with it (first compile: snapshot + V1 + one
# <Record>Table source per record, which javac then compiles too); the same with -Adbsync.metamodel=false
# (snapshot + V1 only); and javac with it after one column changed (snapshot diff + V2).
# Usage: bench/processor.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(10 100 1000)

./mvnw -B -q -DskipTests -pl processor -am package dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >/dev/null
CP="processor/target/classes:$(cat processor/target/bench-classpath.txt)"
ANNOTATIONS=annotations/target/classes
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# record <dir> <i> <extra column or empty>
record() {
  local dir=$1 i=$2 extra=$3
  {
    echo "package bench;"
    echo "import dev.dbsync.annotations.*;"
    echo "@Table(\"t$i\")"
    echo "public record T$i("
    echo "    @Id long id,"
    for c in 1 2 3 4 5 6 7 8; do echo "    String c$c,"; done
    [ -n "$extra" ] && echo "    $extra,"
    echo "    @DefaultNow java.time.Instant createdAt) {}"
  } > "$dir/T$i.java"
}

run_javac() { # run_javac <src> <out> <processor: yes|no|no-metamodel> <resources>
  local src=$1 out=$2 proc=$3 res=$4 start
  rm -rf "$out"; mkdir -p "$out"
  start=$(now_ms)
  # javac's notes ("wrote migration ...") go to a log, shown only when javac fails
  if [ "$proc" = yes ]; then
    javac -d "$out" -cp "$ANNOTATIONS" -processorpath "$CP" -Adbsync.resources="$res" "$src"/*.java
  elif [ "$proc" = no-metamodel ]; then
    javac -d "$out" -cp "$ANNOTATIONS" -processorpath "$CP" -Adbsync.resources="$res" -Adbsync.metamodel=false \
      "$src"/*.java
  else
    javac -d "$out" -cp "$ANNOTATIONS" -proc:none "$src"/*.java
  fi 2>"$WORK/javac.log" || { cat "$WORK/javac.log" >&2; exit 1; }
  echo $(( $(now_ms) - start ))
}

printf '%6s %11s %16s %8s %27s %8s %16s\n' N "javac (ms)" "+processor (ms)" "added" \
  "+processor, no metamodel" "added" "one change (ms)"
for n in "${SIZES[@]}"; do
  src="$WORK/src$n"; mkdir -p "$src/bench"
  for i in $(seq 1 "$n"); do record "$src/bench" "$i" ""; done
  plain=(); first=(); bare=(); change=()
  for r in $(seq 1 "$RUNS"); do
    plain+=("$(run_javac "$src/bench" "$WORK/out" no "")")
    res="$WORK/res$n-$r"; rm -rf "$res"; mkdir -p "$res"
    first+=("$(run_javac "$src/bench" "$WORK/out" yes "$res")")
    rm -rf "$res-bare"; mkdir -p "$res-bare"
    bare+=("$(run_javac "$src/bench" "$WORK/out" no-metamodel "$res-bare")")
    record "$src/bench" 1 "@Default(\"'x'\") String added"
    change+=("$(run_javac "$src/bench" "$WORK/out" yes "$res")")
    ls "$res/db/migration" | grep -q '^V2__' || { echo "no V2 migration written for N=$n" >&2; exit 1; }
    record "$src/bench" 1 ""
  done
  p=$(printf '%s\n' "${plain[@]}" | median); f=$(printf '%s\n' "${first[@]}" | median)
  b=$(printf '%s\n' "${bare[@]}" | median); c=$(printf '%s\n' "${change[@]}" | median)
  printf '%6s %11s %16s %7s%% %27s %7s%% %16s\n' "$n" "$p" "$f" "$(( (f - p) * 100 / p ))" "$b" \
    "$(( (b - p) * 100 / p ))" "$c"
done
