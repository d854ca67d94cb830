#!/usr/bin/env bash
# The CI/CD pipeline of a dbsync project as plain commands. .github/workflows/deploy.yml runs it on GitHub Actions;
# dbsync's test suite runs it end to end against scratch databases (example's PipelineTest).
#
#   1. build    compile in verify mode (CI=true): a record changed without its committed migration fails here
#   2. check    staging, before anything changes: drift (a change made by hand) or an applied migration edited or
#               missing stops the job; pending migrations are what this deploy applies, so they pass
#   3. migrate  production mode: on develop against staging, on main against production (pg_dump backup first);
#               a destructive migration stops here unless DBSYNC_ALLOW_DESTRUCTIVE allows its version
#   4. check    health verification of the database just migrated: it must be in sync
#
# Any command that exits non-zero fails the job with that exit code; the last line names the step.
#
# Environment:
#   BRANCH                    branch being built (default: GITHUB_REF_NAME, else git's current branch); only
#                             develop and main deploy, every other branch stops after step 2
#   STAGING_DATABASE_URL      JDBC URL of staging (STAGING_DATABASE_USER, STAGING_DATABASE_PASSWORD if not in it)
#   PRODUCTION_DATABASE_URL   JDBC URL of production (PRODUCTION_DATABASE_USER, PRODUCTION_DATABASE_PASSWORD)
#   DBSYNC_CLI                the runnable dbsync-cli-<version>.jar
#   DBSYNC_BUILD              the build command (default: ./mvnw, else mvn, -B package -DskipTests)
#   DBSYNC_CLASSPATH          what the build produced for the CLI to read (default: target/classes)
#   PRODUCTION_BACKUP_DIR     where production's pg_dump goes before its migrations (default: ./dbsync-backups)
#   DBSYNC_ALLOW_DESTRUCTIVE  versions of reviewed destructive migrations production may apply, e.g. 7 or 7,9
#
# Needs java (17+), bash and jq on the runner (GitHub's ubuntu runners have all three).
set -euo pipefail

branch="${BRANCH:-${GITHUB_REF_NAME:-$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown)}}"
classpath="${DBSYNC_CLASSPATH:-target/classes}"
: "${DBSYNC_CLI:?set DBSYNC_CLI to the dbsync-cli-<version>.jar}"
: "${STAGING_DATABASE_URL:?set STAGING_DATABASE_URL to the JDBC URL of staging}"
if [[ -z "${DBSYNC_BUILD:-}" ]]; then
  if [[ -x ./mvnw ]]; then DBSYNC_BUILD="./mvnw -B package -DskipTests"; else DBSYNC_BUILD="mvn -B package -DskipTests"; fi
fi

current_step=""
trap 'code=$?; if [[ $code -ne 0 ]]; then echo "pipeline failed at step: ${current_step} (exit ${code})"; fi' EXIT

step() {
  current_step="$1"
  echo
  echo "== ${current_step}"
}

# dbsync <database: staging|production> <command> [options]: the CLI with that database's connection, given
# through the environment so that no password appears in a command line or a log
dbsync() {
  local database="$1"; shift
  local prefix; prefix="$(echo "$database" | tr '[:lower:]' '[:upper:]')_DATABASE"
  local url_var="${prefix}_URL" user_var="${prefix}_USER" password_var="${prefix}_PASSWORD"
  : "${!url_var:?set ${url_var}}"
  DBSYNC_URL="${!url_var}" DBSYNC_USER="${!user_var:-${DBSYNC_USER:-}}" \
    DBSYNC_PASSWORD="${!password_var:-${DBSYNC_PASSWORD:-}}" \
    java -jar "$DBSYNC_CLI" "$@" --classpath "$classpath"
}

step "build (verify mode: the committed migrations must match the records)"
CI=true ${DBSYNC_BUILD}

step "check staging (before deploying: nothing changed by hand)"
# exit 0: in sync; exit 1: pending migrations (this deploy applies them) or drift; exit 2: error
set +e
report="$(dbsync staging check --format json)"
code=$?
set -e
if [[ $code -eq 1 ]] && echo "$report" | jq -e '.result.changedByHand == false' >/dev/null; then
  echo "staging is behind by the pending migrations this deploy applies; nothing was changed by hand"
elif [[ $code -ne 0 ]]; then
  dbsync staging check || true # the readable report of the same findings
  exit "$code"
else
  echo "staging is in sync"
fi

case "$branch" in
  develop) target=staging ;;
  main) target=production ;;
  *) echo "branch ${branch}: nothing to deploy"; exit 0 ;;
esac

step "migrate ${target} (production mode)"
if [[ "$target" == production ]]; then
  backups="${PRODUCTION_BACKUP_DIR:-$PWD/dbsync-backups}"
else
  backups="" # staging is rebuilt from production's backups, not backed up itself
fi
DBSYNC_MODE=production DBSYNC_BACKUP_DIR="$backups" dbsync "$target" migrate

step "check ${target} (health verification)"
DBSYNC_MODE=production dbsync "$target" check

current_step="done"
echo
echo "deployed to ${target}: the database matches the compiled schema"
