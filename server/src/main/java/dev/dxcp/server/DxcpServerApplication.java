package dev.dxcp.server;

import dev.dxcp.server.startup.FailedStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The DXCP server: one process serving the command side, the query side and the engine saga. */
@SpringBootApplication(scanBasePackages = "dev.dxcp")
@ConfigurationPropertiesScan("dev.dxcp.server")
public class DxcpServerApplication {
    static {
        // Axon's update checker phones home at start-up; DXCP runs where there is no internet and
        // must not leak usage data. Axon reads only this system property (or a file in $HOME).
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        try {
            SpringApplication.run(DxcpServerApplication.class, args);
        } catch (RuntimeException | Error failed) {
            // Already reported in one line (StartFailureReport); the context has stopped what it started.
            FailedStart.exit();
        }
    }
}
