#!/usr/bin/env bash
# Builds what the bench needs and runs the full benchmark suite (about 12 minutes on 2 cores); writes
# docs/benchmarks.md, docs/benchmarks.png and docs/polling-schedule.png. Tests are skipped here: `mvn verify` runs the bench's smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -pl bench -am -Pbench -DskipTests verify "$@"
