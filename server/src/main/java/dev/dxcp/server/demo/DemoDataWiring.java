package dev.dxcp.server.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.server.identity.DevIssuer;
import dev.dxcp.server.wiring.ArtifactWiring.ArtifactLocation;
import dev.dxcp.server.identity.DevIssuerEnabled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * DXCP_DEMO_DATA (default true) loads {@link EmbeddedDemoData} on the first start of embedded mode,
 * i.e. while the development issuer runs; never with an external OIDC provider.
 */
@Configuration
@Conditional(DevIssuerEnabled.class)
public class DemoDataWiring {
    private static final Logger log = LoggerFactory.getLogger(DemoDataWiring.class);

    @Bean
    public DemoDataGate demoDataGate(Environment environment) {
        DemoDataGate gate = new DemoDataGate();
        if (!enabled(environment)) {
            gate.open();
        }
        return gate;
    }

    @Bean
    public EmbeddedDemoData embeddedDemoData(DevIssuer issuer, ArtifactLocation artifacts, ObjectMapper json, DemoDataGate gate) {
        return new EmbeddedDemoData(issuer, artifacts.bucket(), json, gate.secret());
    }

    private static boolean enabled(Environment environment) {
        return environment.getProperty("dxcp.demo-data", Boolean.class, true);
    }

    /**
     * On its own thread once the server is ready: the delivery configuration seed runs on the same
     * event (its group must exist first). Meanwhile {@link DemoDataGate} holds other API calls back.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void loadDemoData(ApplicationReadyEvent ready) {
        DemoDataGate gate = ready.getApplicationContext().getBean(DemoDataGate.class);
        if (!enabled(ready.getApplicationContext().getEnvironment())
                || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            gate.open();
            return;
        }
        String address = ready.getApplicationContext().getEnvironment().getProperty("server.address", "");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
        String baseUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + web.getWebServer().getPort();
        EmbeddedDemoData demoData = ready.getApplicationContext().getBean(EmbeddedDemoData.class);
        Thread loader = new Thread(() -> {
            try {
                demoData.load(baseUrl);
            } catch (RuntimeException e) {
                // Demo data is a convenience: the server is usable without it, so its failure is logged, not fatal.
                log.warn("event=demo_data_failed error=\"{}\"", e.getMessage());
            } finally {
                gate.open();
            }
        }, "dxcp-demo-data");
        loader.setDaemon(true);
        loader.start();
    }
}
