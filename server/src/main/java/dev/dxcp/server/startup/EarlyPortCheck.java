package dev.dxcp.server.startup;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Tries the HTTP port before anything else starts: the web server binds it only at the very end of the
 * start, so a taken port (a second server, another program) would otherwise be found after the database,
 * the artifact store and the engine had all been started for nothing. Port 0 (any free port) is not
 * checked; a port or address that cannot be read or resolved is left to the web server to report.
 */
public class EarlyPortCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        int port;
        InetAddress address;
        try {
            port = environment.getProperty("server.port", Integer.class, 8080);
            String configured = environment.getProperty("server.address");
            address = configured == null || configured.isBlank() ? null : InetAddress.getByName(configured);
        } catch (RuntimeException | UnknownHostException unusable) {
            // A port or address that cannot be read is a bad setting, reported as such when the server binds it.
            return;
        }
        if (port <= 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (java.net.BindException refused) {
            if (String.valueOf(refused.getMessage()).contains("in use")) {
                throw new PortInUseException(port, refused);
            }
            // Another refusal (an address not of this machine): the web server's own bind will report it.
        } catch (IOException other) {
            // Not a verdict on the port: the web server's own bind will say what is wrong.
        }
    }
}
