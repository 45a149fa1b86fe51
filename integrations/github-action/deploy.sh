#!/usr/bin/env bash
# Deploys the registered build and follows it; the step fails unless the deployment SUCCEEDED
# (dxcp exit codes: README, "The dxcp CLI"). A delivery-owner identity may be given for the deploy.
set -uo pipefail
if [ -n "${DXCP_DEPLOY_TOKEN:-}" ]; then
  export DXCP_TOKEN=$DXCP_DEPLOY_TOKEN
elif [ -n "${DXCP_DEPLOY_CLIENT_ID:-}" ]; then
  unset DXCP_TOKEN
  export DXCP_CLIENT_ID=$DXCP_DEPLOY_CLIENT_ID
  export DXCP_CLIENT_SECRET=${DXCP_DEPLOY_CLIENT_SECRET:-$DXCP_CLIENT_SECRET}
fi
summary=${DXCP_CHANGE_SUMMARY:-"$DXCP_SERVICE $DXCP_VERSION from $GITHUB_REPOSITORY run $GITHUB_RUN_ID"}
args=(-o json deploy "$DXCP_SERVICE" "$DXCP_VERSION" --env "$DXCP_DEPLOY_TO" -m "$summary" --wait
  --timeout "${DXCP_WAIT_TIMEOUT:-30m}")
if [ -n "${DXCP_RECIPE:-}" ]; then
  args+=(--recipe "$DXCP_RECIPE")
fi
out=$(java -jar "$DXCP_CLI_JAR" "${args[@]}")
code=$?
echo "$out"
id=$(printf '%s\n' "$out" | sed -n 's/^  "id" : "\(.*\)",$/\1/p' | head -n 1)
state=$(printf '%s\n' "$out" | sed -n 's/^  "state" : "\(.*\)",$/\1/p' | head -n 1)
echo "deployment-id=$id" >> "$GITHUB_OUTPUT"
echo "deployment-state=$state" >> "$GITHUB_OUTPUT"
exit $code
