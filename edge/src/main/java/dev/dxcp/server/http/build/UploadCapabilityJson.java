package dev.dxcp.server.http.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityIssued;
import dev.dxcp.events.common.Timestamps;

/**
 * An upload capability on the wire (api-contract §7). DXCP hands out a token, not an upload URL: the
 * artifact goes to the store by CI's own means, and the token's announcement is what POST /v1/builds
 * must match.
 */
public class UploadCapabilityJson {
    private final ObjectMapper json;

    public UploadCapabilityJson(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode render(UploadCapabilityIssued c) {
        ObjectNode node = json.createObjectNode();
        node.put("uploadType", "TOKEN");
        node.putNull("uploadUrl");
        node.put("uploadToken", c.uploadToken());
        node.put("expiresAt", Timestamps.format(c.expiresAt()));
        node.put("expectedSizeBytes", c.expectedSizeBytes());
        node.put("expectedSha256", c.expectedSha256());
        node.put("expectedContentType", c.contentType());
        return node;
    }
}
