package dev.dxcp.server.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Thread counts derived from the cores the JVM may use, for the settings an operator leaves unset
 * (decision 154): request threads that block (JDBC, the command bus, read-your-writes and trigger waits)
 * are 12 per core, at least 16; saga step threads 4 per core, at least 4 (a step mostly waits on Gate and the
 * database, and a deploy's answer waits for its trigger step: with 2 per core the benchmark's deploys queued
 * for saga threads). application.yml reads them as the
 * defaults of DXCP_BLOCKING_THREADS and DXCP_SAGA_THREADS, which still win when set.
 */
public class MachineSizedDefaults implements EnvironmentPostProcessor {
    static final String BLOCKING_THREADS = "dxcp.machine.blocking-threads";
    static final String SAGA_THREADS = "dxcp.machine.saga-threads";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("dxcp-machine-sized-defaults",
                defaults(Runtime.getRuntime().availableProcessors())));
    }

    static Map<String, Object> defaults(int cores) {
        return Map.of(BLOCKING_THREADS, Math.max(16, 12 * cores), SAGA_THREADS, Math.max(4, 4 * cores));
    }
}
