package dev.dxcp.server.wiring;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.dxcp.server.settings.DxcpProperties;
import dev.dxcp.server.config.InvalidSetting;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.DevIssuer;
import dev.dxcp.server.identity.DevIssuerEnabled;
import dev.dxcp.server.identity.TokenVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Who may call DXCP: an external OIDC provider when any DXCP_OIDC_* is set, otherwise the
 * development issuer of embedded mode. Incomplete OIDC settings never fall back to the dev issuer:
 * every authenticated call then answers 500 OIDC_CONFIG_MISSING (governance §1).
 */
@Configuration
public class IdentityWiring {
    private static final Logger log = LoggerFactory.getLogger(IdentityWiring.class);

    @Bean
    @Conditional(DevIssuerEnabled.class)
    public DevIssuer devIssuer(DxcpProperties properties, @Value("${server.port:8080}") int port) {
        String issuer = "http://localhost" + (port > 0 ? ":" + port : "") + "/dev-idp/";
        return new DevIssuer(DevIssuer.loadOrCreateKey(Path.of(properties.dataDir(), "dev-issuer")), issuer,
                properties.devIssuer().audience(), properties.oidc().rolesClaim());
    }

    @Bean
    public Authenticator authenticator(DxcpProperties properties, ObjectProvider<DevIssuer> devIssuer,
                                       @Value("${dxcp.oidc.jwks-refresh-min-interval:5s}") Duration minRefresh) {
        DxcpProperties.Oidc oidc = properties.oidc();
        TokenVerifier verifier;
        DevIssuer dev = devIssuer.getIfAvailable();
        if (dev != null) {
            verifier = new TokenVerifier(new ImmutableJWKSet<>(dev.publicKeys()), dev.issuer(), dev.audience(),
                    oidc.clockSkew());
            log.warn("event=identity_mode mode=development_issuer issuer={} audience={} "
                    + "note=\"tokens are minted by this server; configure DXCP_OIDC_* for production\"",
                    dev.issuer(), dev.audience());
        } else if (!oidc.complete()) {
            verifier = null;
            log.error("event=identity_mode mode=oidc_incomplete note=\"DXCP_OIDC_ISSUER and DXCP_OIDC_AUDIENCE "
                    + "are both required; every authenticated request will answer OIDC_CONFIG_MISSING\"");
        } else {
            verifier = new TokenVerifier(remoteKeys(oidc.effectiveJwksUrl(), minRefresh), oidc.issuer(),
                    oidc.audience(), oidc.clockSkew());
            log.info("event=identity_mode mode=oidc issuer={} audience={} jwks_url={}", oidc.issuer(),
                    oidc.audience(), oidc.effectiveJwksUrl());
        }
        return new Authenticator(verifier, oidc.rolesClaim(), oidc.emailClaim());
    }

    /**
     * Keys cached for 5 minutes (governance §1); an unknown kid triggers a refetch, at most once per
     * {@code minRefresh}, so a rotated key is picked up without letting bad tokens hammer the provider.
     */
    private static JWKSource<SecurityContext> remoteKeys(String url, Duration minRefresh) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(URI.create(url).toURL(),
                            new DefaultResourceRetriever(2000, 2000, 512 * 1024))
                    .cache(Duration.ofMinutes(5).toMillis(), Duration.ofSeconds(5).toMillis())
                    .rateLimited(minRefresh.toMillis())
                    .retrying(true)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new InvalidSetting("DXCP_OIDC_JWKS_URL", "is not a valid URL: " + url, e);
        }
    }
}
