#!/usr/bin/env bash
# JMH: warm per-run overhead of the script runtime (trivial script, 1 KiB JSON body; p50 from
# Mode.SampleTime). Runs on the JDK of JAVA_HOME (default: the java on PATH), e.g.
#   bench/runtime-jmh.sh
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/runtime-jmh.sh -f 1 -wi 2 -i 3
# BENCH=SandboxPrepareBenchmark measures a fresh sandboxed global alone (new Nashorn global +
# prelude), e.g. BENCH=SandboxPrepareBenchmark bench/runtime-jmh.sh
# Extra arguments go to JMH.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openjdk.jmh.Main "dev.picloud.bench.${BENCH:-RuntimeRunBenchmark}" "$@"
