package dev.dxcp.server.http.deployment;

import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.server.identity.Caller;

/** The actor identity snapshot a deployment record keeps (governance §10). */
final class Actors {
    private Actors() {
    }

    static ActorIdentity of(Caller caller) {
        return new ActorIdentity(caller.actorId(), caller.role().name(), caller.actorEmail(), caller.sub(),
                caller.azp());
    }
}
