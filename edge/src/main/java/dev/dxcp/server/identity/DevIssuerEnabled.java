package dev.dxcp.server.identity;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The development issuer runs only while no external OIDC provider is configured. */
public class DevIssuerEnabled implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        return blank(env.getProperty("dxcp.oidc.issuer")) && blank(env.getProperty("dxcp.oidc.audience"))
                && blank(env.getProperty("dxcp.oidc.jwks-url"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
