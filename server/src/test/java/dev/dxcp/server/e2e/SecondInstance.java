package dev.dxcp.server.e2e;

import dev.dxcp.server.DxcpServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/**
 * A second server instance on the test environment's database, store and issuer, beside the test's own:
 * for the rules that hold across instances (settings followed, aggregate caches).
 */
final class SecondInstance implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final int port;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static SecondInstance start(DxcpTestEnvironment env) {
        Map<String, Object> properties = new HashMap<>();
        env.register((name, value) -> properties.put(name, value.get()));
        properties.put("server.port", "0");
        return new SecondInstance(new SpringApplicationBuilder(DxcpServerApplication.class).properties(properties).run());
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        context.close();
    }
}
