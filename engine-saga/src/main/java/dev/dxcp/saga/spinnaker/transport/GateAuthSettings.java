package dev.dxcp.saga.spinnaker.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Engine credentials, one record per {@link GateAuthMode}. Each record overrides {@code toString()} and
 * {@link #describe()} so a secret can never reach a log line or an admin screen: secrets are reported
 * only as {@code *_configured} booleans.
 */
public sealed interface GateAuthSettings {

    GateAuthMode mode();

    /** Non-secret view of the settings for admin diagnostics. */
    Map<String, Object> describe();

    static GateAuthSettings none() {
        return new None();
    }

    /** No engine credentials: Gate runs without authentication, or a network boundary protects it. */
    record None() implements GateAuthSettings {
        @Override
        public GateAuthMode mode() {
            return GateAuthMode.NONE;
        }

        @Override
        public Map<String, Object> describe() {
            return new LinkedHashMap<>();
        }
    }

    /** A fixed header (e.g. an API-gateway key) sent on every call. */
    record StaticHeader(String headerName, String secretValue) implements GateAuthSettings {
        public StaticHeader {
            requireText(headerName, "headerName");
            requireText(secretValue, "secretValue");
        }

        @Override
        public GateAuthMode mode() {
            return GateAuthMode.STATIC_HEADER;
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("header_name", headerName);
            d.put("header_value_configured", true);
            return d;
        }

        @Override
        public String toString() {
            return "StaticHeader[headerName=" + headerName + ", secretValue=" + Redaction.MASK + "]";
        }
    }

    /**
     * OAuth2 client-credentials grant; the token is sent as a bearer token and cached until
     * {@code expires_in} minus {@code refreshSkew}. The client authenticates with form parameters
     * ({@code client_secret_post}), which every common provider accepts.
     */
    record ClientCredentials(String tokenUrl, String clientId, String clientSecret, String audience, String scope,
                             Duration refreshSkew) implements GateAuthSettings {
        public ClientCredentials {
            requireText(tokenUrl, "tokenUrl");
            requireText(clientId, "clientId");
            requireText(clientSecret, "clientSecret");
            refreshSkew = refreshSkew == null ? Duration.ofSeconds(30) : refreshSkew;
        }

        @Override
        public GateAuthMode mode() {
            return GateAuthMode.CLIENT_CREDENTIALS;
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("token_url", Redaction.reduceUrl(tokenUrl));
            d.put("client_id", clientId);
            d.put("client_secret_configured", true);
            d.put("audience", audience);
            d.put("scope", scope);
            d.put("refresh_skew_seconds", refreshSkew.toSeconds());
            return d;
        }

        @Override
        public String toString() {
            return "ClientCredentials[tokenUrl=" + Redaction.reduceUrl(tokenUrl) + ", clientId=" + clientId
                    + ", clientSecret=" + Redaction.MASK + ", audience=" + audience + ", scope=" + scope
                    + ", refreshSkew=" + refreshSkew + "]";
        }
    }

    /**
     * Mutual TLS: a client certificate and key either as PEM files ({@code certificatePem} + unencrypted
     * PKCS#8 or PKCS#1 {@code privateKeyPem}) or as a keystore ({@code keystore}, PKCS12 unless
     * {@code keystoreType} says otherwise). {@code caBundlePem} replaces the JDK trust store when given;
     * {@code expectedServerName} is checked against the server certificate instead of the URL's host
     * (for a Gate reached by IP or through a tunnel).
     */
    record MutualTls(Path certificatePem, Path privateKeyPem, Path keystore, String keystorePassword,
                     String keystoreType, Path caBundlePem, String expectedServerName) implements GateAuthSettings {
        public MutualTls {
            boolean pem = certificatePem != null || privateKeyPem != null;
            if (pem && (certificatePem == null || privateKeyPem == null)) {
                throw new IllegalArgumentException("mTLS needs both certificatePem and privateKeyPem");
            }
            if (pem == (keystore != null)) {
                throw new IllegalArgumentException("mTLS needs either PEM files or a keystore, not both or neither");
            }
            keystoreType = keystoreType == null || keystoreType.isBlank() ? "PKCS12" : keystoreType;
        }

        public static MutualTls fromPem(Path certificatePem, Path privateKeyPem, Path caBundlePem,
                                        String expectedServerName) {
            return new MutualTls(certificatePem, privateKeyPem, null, null, null, caBundlePem, expectedServerName);
        }

        public static MutualTls fromKeystore(Path keystore, String password, Path caBundlePem,
                                             String expectedServerName) {
            return new MutualTls(null, null, keystore, password, "PKCS12", caBundlePem, expectedServerName);
        }

        @Override
        public GateAuthMode mode() {
            return GateAuthMode.MTLS;
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("client_certificate_configured", certificatePem != null || keystore != null);
            d.put("private_key_configured", privateKeyPem != null || keystore != null);
            d.put("keystore_password_configured", keystorePassword != null && !keystorePassword.isEmpty());
            d.put("ca_bundle_configured", caBundlePem != null);
            d.put("expected_server_name", expectedServerName);
            return d;
        }

        @Override
        public String toString() {
            return "MutualTls[certificatePem=" + (certificatePem != null) + ", privateKeyPem=" + (privateKeyPem != null)
                    + ", keystore=" + (keystore != null) + ", keystorePassword=" + Redaction.MASK
                    + ", caBundlePem=" + (caBundlePem != null) + ", expectedServerName=" + expectedServerName + "]";
        }
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
