#!/usr/bin/env bash
# Time from a runaway script's wall-clock limit (1 s) to its caller being answered, for
# while(true){} and friends. Runs on the JDK of JAVA_HOME (default: the java on PATH), e.g.
#   bench/runtime-stop.sh 20
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/runtime-stop.sh 20
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.picloud.bench.RuntimeStopTime "${1:-10}"
