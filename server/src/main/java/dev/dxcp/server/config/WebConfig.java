package dev.dxcp.server.config;

import dev.dxcp.server.observability.RequestLogContext;
import dev.dxcp.server.settings.DxcpProperties;
import org.slf4j.MDC;
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
        // A request binds its id to the logging context of the thread it runs on; clear it after each
        // task so the next request on this thread never logs under the previous one's id.
        executor.setTaskDecorator(task -> () -> {
            try {
                task.run();
            } finally {
                MDC.remove(RequestLogContext.KEY);
            }
        });
        executor.initialize();
        configurer.setExecutor(executor);
    }
}
