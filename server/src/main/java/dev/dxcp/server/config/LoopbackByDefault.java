package dev.dxcp.server.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Embedded mode (no DXCP_DB_URL: the file database under the data directory) listens on 127.0.0.1 unless
 * SERVER_ADDRESS ({@code server.address}) says otherwise. It is an evaluation setup: a development issuer
 * that mints admin tokens, demo data, one process. With a real database the bind stays Spring's default
 * (every interface), as production deployments behind a load balancer expect (docs/DECISIONS.md 62).
 *
 * <p>The default is the last property source, so any setting of {@code server.address} wins; it decides
 * at each read, because settings may still be added to the environment after this runs.</p>
 */
public class LoopbackByDefault implements EnvironmentPostProcessor {
    static final String ADDRESS = "server.address";
    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // The environment is captured, not made the source: a source whose source is an environment is walked into.
        environment.getPropertySources().addLast(new PropertySource<>("dxcpEmbeddedBind") {
            @Override
            public Object getProperty(String name) {
                return ADDRESS.equals(name) && embeddedDatabase(environment) ? LOOPBACK : null;
            }
        });
    }

    static boolean embeddedDatabase(ConfigurableEnvironment environment) {
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
    }
}
