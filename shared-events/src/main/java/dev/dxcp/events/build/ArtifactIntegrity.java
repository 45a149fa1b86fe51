package dev.dxcp.events.build;

/** Size, digest and media type of an artifact as measured in the artifact store. */
public record ArtifactIntegrity(String sha256, long sizeBytes, String contentType) {
}
