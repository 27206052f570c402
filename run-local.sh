#!/usr/bin/env bash
# Starts the whole Charter SLA platform on embedded infrastructure: Kafka (KRaft) on 9092, the Mongo wire server
# on 27017 (data in .local-data/), an SMTP server on 2525 with received mail at http://127.0.0.1:8025/messages,
# and the four services on 8081-8084 under the 'local' profile. Ctrl-C stops everything.
# Pass --infra-only to start only Kafka, Mongo and mail (run the services from your IDE).
set -euo pipefail
cd "$(dirname "$0")"

JAVA_HOME=$(scripts/find-jdk.sh)
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

echo "Building (tests skipped; ./mvnw verify runs them)..."
./mvnw --quiet --batch-mode -DskipTests -Dspring-javaformat.skip=true package

exec "$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC \
	-cp "local-stack/target/local-stack.jar:$(cat local-stack/target/runtime.classpath)" \
	uk.co.healthwatchportsmouth.charter.localstack.LocalStack "$@"
