package dev.dxcp.server.wiring;

import dev.dxcp.command.common.ResponseRenderer;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityIssued;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.server.http.build.BuildJson;
import dev.dxcp.server.http.build.UploadCapabilityJson;
import dev.dxcp.server.http.deployment.DeploymentJson;

/** The command side's response bodies, rendered exactly as the read endpoints render them. */
public class ResponseRenderers implements ResponseRenderer {
    private final BuildJson builds;
    private final DeploymentJson deployments;
    private final UploadCapabilityJson capabilities;

    public ResponseRenderers(BuildJson builds, DeploymentJson deployments, UploadCapabilityJson capabilities) {
        this.builds = builds;
        this.deployments = deployments;
        this.capabilities = capabilities;
    }

    @Override
    public String build(BuildRecord build) {
        return builds.render(build).toString();
    }

    @Override
    public String deployment(DeploymentRecord record, boolean admin) {
        return deployments.record(record, admin).toString();
    }

    @Override
    public String uploadCapability(UploadCapabilityIssued capability) {
        return capabilities.render(capability).toString();
    }
}
