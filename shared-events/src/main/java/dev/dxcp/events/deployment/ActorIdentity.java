package dev.dxcp.events.deployment;

/** Who asked, as recorded on the deployment and protected after creation (governance §10). */
public record ActorIdentity(String actorId, String role, String email, String sub, String azp) {
}
