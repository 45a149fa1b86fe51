#!/usr/bin/env bash
# Makes the dxcp CLI available to the next steps: a jar given as input, else built from the DXCP
# checkout this action lives in (GitHub checks out the whole repository for a uses: reference).
set -euo pipefail
jar=${DXCP_CLI_JAR:-}
if [ -z "$jar" ]; then
  root=$(cd "$DXCP_ACTION_PATH/../.." && pwd)
  mvn -B -q -f "$root/pom.xml" -pl cli -am -DskipTests package
  jar=$root/cli/target/dxcp-cli.jar
fi
if [ ! -f "$jar" ]; then
  echo "::error::dxcp CLI jar not found: $jar"
  exit 1
fi
echo "DXCP_CLI_JAR=$jar" >> "$GITHUB_ENV"
java -jar "$jar" --version
