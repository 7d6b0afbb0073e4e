#!/usr/bin/env bash
# Runs one of the Spark benchmarks (consensus, predict, scaling) in local mode on this machine.
#   spark/bench/run.sh consensus [rows partitions cores chains warmup draws]
#   spark/bench/run.sh predict [cores rows...]          (runs with -Xmx${PREDICT_XMX:-512m})
#   spark/bench/run.sh scaling [rows steps fits]
# Builds the module and its test classes first; prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/../.."
which=${1:?usage: spark/bench/run.sh consensus|predict|scaling [args]}
shift
./mvnw -B -q -pl spark -am test-compile -DskipTests -Dspotless.check.skip=true
cp=$(./mvnw -B -q -pl spark dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
opens=$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' spark/pom.xml)
heap=-Xmx4g
case "$which" in
  consensus) main=dev.credence.spark.bench.ConsensusBench ;;
  predict) main=dev.credence.spark.bench.PredictBench; heap=-Xmx${PREDICT_XMX:-512m} ;;
  scaling) main=dev.credence.spark.bench.ScalingBench ;;
  *) echo "unknown benchmark '$which': consensus, predict or scaling" >&2; exit 2 ;;
esac
# shellcheck disable=SC2086
exec java $heap -Xss8m $opens -Dlog4j2.configurationFile=spark/src/test/resources/log4j2-test.properties \
  -cp "spark/target/test-classes:spark/target/classes:$cp" "$main" "$@"
