package dev.dxcp.command.common;

import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityIssued;
import dev.dxcp.events.deployment.DeploymentRecord;

/**
 * Renders the body a successful request answers with. Idempotent replays must return the first
 * response unchanged (governance §6), so the body is rendered inside the deciding unit of work and
 * remembered with the key; the HTTP edge supplies the rendering.
 */
public interface ResponseRenderer {
    String build(BuildRecord build);

    /** A deployment record as the caller sees it: engine execution keys only for admins. */
    String deployment(DeploymentRecord record, boolean admin);

    /** The 201 of POST /v1/builds/upload-capability (api-contract §7). */
    String uploadCapability(UploadCapabilityIssued capability);
}
