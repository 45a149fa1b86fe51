package dev.dxcp.server.wiring;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The database is an H2 file: embedded mode's default, or an H2 file URL given as DXCP_DB_URL. */
public class EmbeddedFileDatabase implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        return url.regionMatches(true, 0, "jdbc:h2:file:", 0, "jdbc:h2:file:".length());
    }
}
