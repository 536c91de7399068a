#!/usr/bin/env bash
# JMH: kv.get / kv.set from a script, per operation (p50 from Mode.SampleTime), on an embedded
# PostgreSQL started by the benchmark (the test database). Runs on the JDK of JAVA_HOME (default:
# the java on PATH), e.g.
#   bench/kv-jmh.sh
#   bench/kv-jmh.sh -f 1 -wi 2 -i 3
# Extra arguments go to JMH.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openjdk.jmh.Main 'dev.picloud.bench.KvOperationBenchmark' "$@"
