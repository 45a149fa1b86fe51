package dev.dxcp.server.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Set;

/** Typed view of the {@code dxcp.*} settings in application.yml (each backed by a DXCP_* variable). */
@ConfigurationProperties(prefix = "dxcp")
public record DxcpProperties(String dataDir, boolean demoMode, String serviceRegistryFile, String ciPublishers,
                             Duration idempotencyWindow, Duration readYourWritesTimeout, int blockingThreads,
                             Oidc oidc, DevIssuer devIssuer, Artifacts artifacts) {

    public record Oidc(String issuer, String audience, String jwksUrl, String rolesClaim, String emailClaim,
                       Duration clockSkew) {
        /** Any OIDC setting given means an external provider is intended; the development issuer is then off. */
        public boolean anyConfigured() {
            return present(issuer) || present(audience) || present(jwksUrl);
        }

        public boolean complete() {
            return present(issuer) && present(audience);
        }

        /** Default key location of governance §1: {@code <issuer>/.well-known/jwks.json}. */
        public String effectiveJwksUrl() {
            if (present(jwksUrl)) {
                return jwksUrl;
            }
            String base = issuer.endsWith("/") ? issuer : issuer + "/";
            return base + ".well-known/jwks.json";
        }
    }

    public record DevIssuer(String audience, String ciClientId, String ciClientSecret) {
    }

    public record Artifacts(String bucket, String s3Endpoint, String s3Region, Set<String> allowedSchemes) {
    }

    public static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
