package dev.dxcp.events.settings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The engine connection of adapter "main" (api-contract §11 engine-adapters/main). Secrets are never
 * values here, only references to where the value is kept ({@code *Ref}): events carry these settings,
 * and the event store is streamed as the audit replay, so a value in them could never be withdrawn.
 *
 * @param mode               how DXCP reaches Gate; null only in a proposal that left it out
 * @param gateUrl            Gate's base URL (http and mtls modes)
 * @param headerName         static header sent on every call, with the secret {@code headerValueRef}
 * @param tokenUrl           token endpoint of the client-credentials grant (token minting), with
 *                           {@code clientId}, the secret {@code clientSecretRef}, optional audience and scope
 * @param refreshSkewSeconds a minted token is renewed this long before it expires
 * @param clientCertPath     mTLS client certificate (PEM) with {@code clientKeyPath}, or a {@code keystorePath}
 *                           with the secret {@code keystorePasswordRef}; {@code caBundlePath} replaces the JDK
 *                           trust store; {@code serverName} is checked against Gate's certificate
 */
public record EngineAdapterSettings(Mode mode, String gateUrl, String headerName, String headerValueRef,
                                    String tokenUrl, String clientId, String clientSecretRef, String audience,
                                    String scope, Integer refreshSkewSeconds, String clientCertPath,
                                    String clientKeyPath, String keystorePath, String keystorePasswordRef,
                                    String caBundlePath, String serverName) {

    /** api-contract §11: {@code http}, {@code mtls} or {@code stub} (the embedded Gate simulator). */
    public enum Mode {
        HTTP, MTLS, STUB;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The three secrets, named as the admin API names their write-only fields. */
    public enum Secret {
        HEADER_VALUE("header_value"), CLIENT_SECRET("client_secret"), KEYSTORE_PASSWORD("keystore_password");

        private final String field;

        Secret(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }

        /** The read-only flag that stands for the secret wherever settings are shown or audited. */
        public String configuredField() {
            return field + "_configured";
        }
    }

    public static EngineAdapterSettings stub() {
        return new EngineAdapterSettings(Mode.STUB, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    public String secretRef(Secret secret) {
        return switch (secret) {
            case HEADER_VALUE -> headerValueRef;
            case CLIENT_SECRET -> clientSecretRef;
            case KEYSTORE_PASSWORD -> keystorePasswordRef;
        };
    }

    public EngineAdapterSettings withSecretRefs(String headerValue, String clientSecret, String keystorePassword) {
        return new EngineAdapterSettings(mode, gateUrl, headerName, headerValue, tokenUrl, clientId, clientSecret,
                audience, scope, refreshSkewSeconds, clientCertPath, clientKeyPath, keystorePath, keystorePassword,
                caBundlePath, serverName);
    }

    /** Whether the settings name anything a secret belongs to; a secret nothing uses is not kept. */
    public boolean uses(Secret secret) {
        return switch (secret) {
            case HEADER_VALUE -> headerName != null;
            case CLIENT_SECRET -> tokenUrl != null || clientId != null;
            case KEYSTORE_PASSWORD -> keystorePath != null;
        };
    }

    /**
     * The settings as the admin API shows them, in a fixed order: the `config` object of GET and the
     * values of the audit's {@code engine_adapter.<key>} entries. Secrets appear only as
     * {@code *_configured} booleans.
     */
    public Map<String, Object> shown() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("mode", mode == null ? null : mode.wireName());
        shown.put("gate_url", gateUrl);
        shown.put("header_name", headerName);
        shown.put(Secret.HEADER_VALUE.configuredField(), headerValueRef != null);
        shown.put("token_url", tokenUrl);
        shown.put("client_id", clientId);
        shown.put(Secret.CLIENT_SECRET.configuredField(), clientSecretRef != null);
        shown.put("audience", audience);
        shown.put("scope", scope);
        shown.put("refresh_skew_seconds", refreshSkewSeconds);
        shown.put("client_cert_path", clientCertPath);
        shown.put("client_key_path", clientKeyPath);
        shown.put("keystore_path", keystorePath);
        shown.put(Secret.KEYSTORE_PASSWORD.configuredField(), keystorePasswordRef != null);
        shown.put("ca_bundle_path", caBundlePath);
        shown.put("server_name", serverName);
        return shown;
    }
}
