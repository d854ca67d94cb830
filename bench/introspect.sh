#!/usr/bin/env bash
# Introspection benchmark: N tables x 10 columns (default N = 10 100 1000), first read and median warm read.
# Usage: bench/introspect.sh [N ...]
# PostgreSQL: DBSYNC_TEST_JDBC_URL (as for the tests), else a local server on 127.0.0.1:5432, else Docker or an
# embedded server; the benchmark creates a scratch database there and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$PWD/runtime/target/bench.classpath"
# One reactor build: test classes of runtime and its dependency classpath (dbsync-schema from the reactor).
./mvnw -B -q -pl runtime -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
java -cp "runtime/target/test-classes:runtime/target/classes:$(cat "$classpath_file")" \
  dev.dbsync.bench.IntrospectionBench "$@"
