#!/usr/bin/env bash
# Data-plane figures of issues 3 and 4 in one run: wrk against GET /version, direct execution, a
# sync and an async route (trivial script), the async route again with the drain held still (ingest
# alone), the drain rate of 10,000 queued rows and the pickup latency at 200 rows/s. Rates are
# shown for all answers and for 2xx alone (503 overloaded is not throughput); sync and direct
# execution run at 32 connections and again at as many as the node has execution slots, where none
# is refused. Each kind of load runs 60 s unmeasured first (-Dbench.warmup=S to change it): the JIT
# takes minutes to settle. About 13 minutes in all.
# Needs wrk (apt-get install wrk). Starts its own PostgreSQL and Liberty; the database runs without
# fsync unless -Dbench.durable=true (what operators run: every commit waits for the disk).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests -Dspotless.check.skip=true
exec ./mvnw -q -B exec:java -Dexec.mainClass=dev.picloud.bench.DataPlaneBench \
  -Dexec.classpathScope=test -Djdk.httpclient.allowRestrictedHeaders=host -Dsun.net.http.allowRestrictedHeaders=true \
  -Dpicloud.wlp.dir=target/liberty/wlp -Dpicloud.server.name=picloud "$@"
