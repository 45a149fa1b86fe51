package dev.dxcp.server.wiring;

import dev.dxcp.command.common.ResponseRenderer;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.server.http.build.BuildJson;
import dev.dxcp.server.http.deployment.DeploymentJson;

/** The command side's response bodies, rendered exactly as the read endpoints render them. */
public class ResponseRenderers implements ResponseRenderer {
    private final BuildJson builds;
    private final DeploymentJson deployments;

    public ResponseRenderers(BuildJson builds, DeploymentJson deployments) {
        this.builds = builds;
        this.deployments = deployments;
    }

    @Override
    public String build(BuildRecord build) {
        return builds.render(build).toString();
    }

    @Override
    public String deployment(DeploymentRecord record, boolean admin) {
        return deployments.record(record, admin).toString();
    }
}
