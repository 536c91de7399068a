#!/usr/bin/env bash
# Trigger figures of issue 5 in one run: KV write -> trigger script start latency (p50/p99) at 100
# writes/s, and the wall time of a bulk replay of 1,000 dead letters. Starts its own PostgreSQL
# and Liberty (port 8090).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests -Dspotless.check.skip=true
exec ./mvnw -q -B exec:java -Dexec.mainClass=dev.picloud.bench.TriggerBench \
  -Dexec.classpathScope=test -Djdk.httpclient.allowRestrictedHeaders=host \
  -Dpicloud.wlp.dir=target/liberty/wlp -Dpicloud.server.name=picloud "$@"
