#!/usr/bin/env bash
# Registers the build. The CLI reads commit, branch, run id and URL, repository and actor from the
# GITHUB_* variables and derives the Idempotency-Key from the run, so a re-run of the job replays.
set -euo pipefail
out=$(java -jar "$DXCP_CLI_JAR" -o json builds register --service "$DXCP_SERVICE" --version "$DXCP_VERSION" \
  --artifact "$DXCP_ARTIFACT")
echo "$out"
id=$(printf '%s\n' "$out" | sed -n 's/^  "id" : "\(.*\)",$/\1/p' | head -n 1)
echo "build-id=$id" >> "$GITHUB_OUTPUT"
