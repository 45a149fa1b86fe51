package dev.dxcp.server.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.reactive.config.BlockingExecutionConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Controllers do blocking work (JDBC, the command bus, the artifact store). Methods with a
 * non-reactive return type run on this bounded pool instead of the event loop.
 */
@Configuration
public class WebConfig implements WebFluxConfigurer {
    private final DxcpProperties properties;

    public WebConfig(DxcpProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configureBlockingExecution(BlockingExecutionConfigurer configurer) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("dxcp-http-");
        executor.setCorePoolSize(properties.blockingThreads());
        executor.setMaxPoolSize(properties.blockingThreads());
        executor.setQueueCapacity(10_000);
        executor.initialize();
        configurer.setExecutor(executor);
    }
}
