#!/usr/bin/env bash
# pull benchmark: N tables x 10 columns (default N = 10 100 1000), pulled into a scratch project (records, enums,
# snapshot, pg_dump baseline), beside the introspection alone. Target: under 2 s for 1,000 tables.
# Usage: bench/pull.sh [N ...]
# PostgreSQL: DBSYNC_TEST_JDBC_URL (as for the tests), else a local server on 127.0.0.1:5432, else Docker or an
# embedded server; the benchmark creates a scratch database there and drops it afterwards. pg_dump on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$PWD/commands/target/bench.classpath"
# One reactor build: test classes of commands and runtime (the schema generator) and their dependency classpath.
./mvnw -B -q -pl commands -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
java -cp "commands/target/test-classes:commands/target/classes:runtime/target/test-classes:$(cat "$classpath_file")" \
  dev.dbsync.commands.bench.PullBench "$@"
