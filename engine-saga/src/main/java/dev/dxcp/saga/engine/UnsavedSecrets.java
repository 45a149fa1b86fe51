package dev.dxcp.saga.engine;

import dev.dxcp.events.settings.EngineAdapterProposal;
import dev.dxcp.events.settings.EngineAdapterSettings.Secret;

import java.util.Map;
import java.util.Optional;

/**
 * The secrets of a proposal not saved yet: a placeholder reference ({@link EngineAdapterProposal#unsavedRef})
 * resolves to the value sent, every other reference as the saved secrets resolve it.
 */
record UnsavedSecrets(Map<Secret, String> sent, SecretValues saved) implements SecretValues {
    @Override
    public Optional<String> of(String ref) {
        for (Secret secret : Secret.values()) {
            if (EngineAdapterProposal.unsavedRef(secret).equals(ref)) {
                return Optional.ofNullable(sent.get(secret));
            }
        }
        return saved.of(ref);
    }
}
