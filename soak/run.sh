#!/usr/bin/env bash
# Builds what the soak needs and runs the long fault and restart soaks (under 10 minutes on 2 cores); writes
# docs/reliability.md. Tests are skipped here: `mvn verify` runs the short seeded soak. Extra arguments go to SoakMain,
# e.g. soak/run.sh --seed 7 --budget 5m.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -pl soak -am -Psoak -DskipTests verify -Dsoak.args="$*"
