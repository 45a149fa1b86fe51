package dev.dxcp.events.settings;

import dev.dxcp.events.settings.EngineAdapterSettings.Secret;

/**
 * What an admin asked the engine connection to become. The non-secret fields replace the current ones;
 * each secret says what to do with the current value, because the admin API never shows secrets and a
 * client editing the settings cannot send back what it never saw.
 *
 * @param settings the new settings; their secret references are ignored in favour of the three changes
 */
public record EngineAdapterProposal(EngineAdapterSettings settings, SecretChange headerValue,
                                    SecretChange clientSecret, SecretChange keystorePassword) {
    private static final String UNSAVED = "unsaved:";

    /**
     * Where a secret sent with a proposal stands before it is saved: checks resolve it to the value sent,
     * and only a save replaces it by the reference of the stored value.
     */
    public static String unsavedRef(Secret secret) {
        return UNSAVED + secret.field();
    }

    /** Left out of the request: keep; null or empty: clear; a value: replaced by the value stored under ref. */
    public record SecretChange(Action action, String ref) {
        public enum Action { KEEP, CLEAR, SET }

        public static SecretChange keep() {
            return new SecretChange(Action.KEEP, null);
        }

        public static SecretChange clear() {
            return new SecretChange(Action.CLEAR, null);
        }

        public static SecretChange set(String ref) {
            return new SecretChange(Action.SET, ref);
        }

        String applyTo(String currentRef, boolean used) {
            return switch (action) {
                case KEEP -> used ? currentRef : null;
                case CLEAR -> null;
                case SET -> ref;
            };
        }
    }

    public SecretChange change(Secret secret) {
        return switch (secret) {
            case HEADER_VALUE -> headerValue;
            case CLIENT_SECRET -> clientSecret;
            case KEYSTORE_PASSWORD -> keystorePassword;
        };
    }

    /**
     * The settings this proposal makes of {@code current}. A kept secret survives only while the new
     * settings still use it (switching from a static header to token minting drops the header value).
     */
    public EngineAdapterSettings applyTo(EngineAdapterSettings current) {
        return settings.withSecretRefs(
                headerValue.applyTo(current.headerValueRef(), settings.uses(Secret.HEADER_VALUE)),
                clientSecret.applyTo(current.clientSecretRef(), settings.uses(Secret.CLIENT_SECRET)),
                keystorePassword.applyTo(current.keystorePasswordRef(), settings.uses(Secret.KEYSTORE_PASSWORD)));
    }
}
