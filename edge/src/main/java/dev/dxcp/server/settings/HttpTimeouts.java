package dev.dxcp.server.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a connection may take to send a request (README "Configuration"). The idle timeout, between
 * requests, is Reactor Netty's own ({@code server.netty.idle-timeout}, DXCP_IDLE_TIMEOUT).
 *
 * @param headerReadTimeout from a request's first byte to the end of its headers (DXCP_HEADER_READ_TIMEOUT)
 * @param bodyReadTimeout   from the end of the headers to the last byte of the body (DXCP_BODY_READ_TIMEOUT)
 */
@ConfigurationProperties(prefix = "dxcp.http")
public record HttpTimeouts(Duration headerReadTimeout, Duration bodyReadTimeout) {
    public HttpTimeouts {
        for (Duration timeout : new Duration[]{headerReadTimeout, bodyReadTimeout}) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("DXCP_HEADER_READ_TIMEOUT and DXCP_BODY_READ_TIMEOUT must be "
                        + "positive durations, such as 10s");
            }
        }
    }
}
