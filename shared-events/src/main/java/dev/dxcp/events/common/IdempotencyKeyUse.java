package dev.dxcp.events.common;

import java.util.List;

/**
 * An Idempotency-Key as a request used it (governance §6): the key the client sent, on which method and
 * path. The key is kept once; its scope, what the key remembers answers under, is derived from the three.
 */
public record IdempotencyKeyUse(String key, String method, String path) {

    /** A key on another endpoint is a different key: SHA-256 of method, path and key. */
    public String scope() {
        return Hashing.sha256Hex(String.join("\n", List.of(method, path, key)));
    }

    /** The aggregate that remembers this scope's answer. */
    public String keyId() {
        return keyIdOf(scope());
    }

    /** The id of the aggregate that remembers answers under {@code scope}. */
    public static String keyIdOf(String scope) {
        return "idem/" + scope;
    }
}
