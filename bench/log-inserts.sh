#!/usr/bin/env bash
# What the shape of ids costs the execution-log writer once execution_logs is large: batches of 8
# logs written into a table already holding -Dbench.rows rows (default 3,000,000) of random
# (version 4) against time-ordered (version 7) ids, alternating -Dbench.rounds times (default 2),
# -Dbench.seconds each (default 20). Starts its own PostgreSQL, without fsync unless
# -Dbench.durable=true. About 8 minutes with the defaults, most of it filling the table.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile -Dspotless.check.skip=true
exec ./mvnw -q -B exec:java -Dexec.mainClass=dev.picloud.bench.LogInsertBench \
  -Dexec.classpathScope=test "$@"
