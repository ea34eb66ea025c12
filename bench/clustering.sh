#!/usr/bin/env bash
# Times K-Means and the silhouette on N synthetic rows (default 1,000,000): bench/clustering.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
"$JAVA_HOME/bin/java" -Xmx4g -Dlogback.configurationFile=bench/logback-quiet.xml -cp "target/classes:$(cat target/bench-classpath.txt)" bench/ClusteringAtScale.java "${1:-1000000}"
