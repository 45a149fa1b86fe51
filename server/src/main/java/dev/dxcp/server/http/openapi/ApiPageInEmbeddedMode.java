package dev.dxcp.server.http.openapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The browsable API page (swagger-ui at /swagger-ui.html) exists in embedded mode only, i.e. while no
 * OIDC provider is configured (the same rule as the development issuer): an evaluation convenience,
 * not a production surface. The document itself (/v3/api-docs) is served in every mode.
 */
public class ApiPageInEmbeddedMode implements EnvironmentPostProcessor {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean embedded = blank(environment.getProperty("dxcp.oidc.issuer"))
                && blank(environment.getProperty("dxcp.oidc.audience"))
                && blank(environment.getProperty("dxcp.oidc.jwks-url"));
        environment.getPropertySources().addFirst(new MapPropertySource("dxcp-api-page",
                Map.of("springdoc.swagger-ui.enabled", String.valueOf(embedded))));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
