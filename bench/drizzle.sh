#!/usr/bin/env bash
# drizzle-kit's figures for bench/compare.sh, through its CLI, in a temporary directory (nothing is committed):
# N tables of 10 columns in schema.ts; `drizzle-kit generate` (first), again with nothing changed, and
# `drizzle-kit migrate` of the result into an empty database on the local server (postgres@127.0.0.1:5432, or
# DRIZZLE_URL=postgres://...). Writes lines "N <tab> measure <tab> ms" to the file given first.
# Usage: bench/drizzle.sh <out.tsv> N...
set -euo pipefail
OUT=$1; shift
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
BASE_URL=${DRIZZLE_URL:-postgres://postgres@127.0.0.1:5432}
now_ms() { date +%s%3N; }
cd "$WORK"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund drizzle-kit@0.31 drizzle-orm@0.45 pg@8 >/dev/null
: > "$OUT"
for n in "$@"; do
  db="dbsync_bench_drizzle_$n"
  psql "$BASE_URL/postgres" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  rm -rf drizzle
  {
    echo "import { pgTable, bigint, text, timestamp } from 'drizzle-orm/pg-core';"
    for i in $(seq 1 "$n"); do
      echo "export const t$i = pgTable('t$i', { id: bigint('id', { mode: 'number' }).primaryKey(),"
      for c in 1 2 3 4 5 6 7 8; do echo "  c$c: text('c$c'),"; done
      echo "  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow() });"
    done
  } > schema.ts
  cat > drizzle.config.ts <<CONFIG
import { defineConfig } from 'drizzle-kit';
export default defineConfig({ dialect: 'postgresql', schema: './schema.ts', out: './drizzle',
  dbCredentials: { url: '$BASE_URL/$db' } });
CONFIG
  start=$(now_ms); npx drizzle-kit generate >/dev/null; printf '%s\tgenerate\t%s\n' "$n" $(( $(now_ms) - start )) >> "$OUT"
  start=$(now_ms); npx drizzle-kit generate >/dev/null; printf '%s\tgenerate-again\t%s\n' "$n" $(( $(now_ms) - start )) >> "$OUT"
  start=$(now_ms); npx drizzle-kit migrate >/dev/null; printf '%s\tmigrate\t%s\n' "$n" $(( $(now_ms) - start )) >> "$OUT"
  psql "$BASE_URL/postgres" -qc "DROP DATABASE $db" >/dev/null
done
