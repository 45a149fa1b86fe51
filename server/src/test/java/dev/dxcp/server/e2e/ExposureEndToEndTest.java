package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the server shows to callers without a token, and where it listens, with a real database
 * (production mode): actuator answers health and Prometheus only; the bind is every interface, as before
 * (embedded mode's loopback default is EmbeddedModeEndToEndTest's and NewcomerIT's).
 */
class ExposureEndToEndTest extends EndToEndTest {

    @Test
    void actuatorAnswersHealthAndPrometheusWithoutAToken() {
        assertThat(TestHttp.get(url("/actuator/health"), null).status()).isEqualTo(200);
        assertThat(TestHttp.get(url("/actuator/health/liveness"), null).status()).isEqualTo(200);
        assertThat(TestHttp.get(url("/actuator/prometheus"), null).body()).contains("jvm_memory_used_bytes");
    }

    /** Outside DXCP's token checks, any of these would answer anyone: none is exposed. */
    @ParameterizedTest
    @ValueSource(strings = {"info", "env", "beans", "configprops", "loggers", "heapdump", "threaddump", "metrics",
            "mappings", "scheduledtasks", "conditions", "shutdown", "caches", "startup"})
    void everyOtherActuatorEndpointIsClosed(String endpoint) {
        assertThat(TestHttp.get(url("/actuator/" + endpoint), null).status()).as(endpoint).isEqualTo(404);
        assertThat(TestHttp.get(url("/actuator/" + endpoint), admin()).status()).as(endpoint + " with a token")
                .isEqualTo(404);
    }

    @Test
    void withARealDatabaseTheServerStillListensOnEveryInterface() {
        InetAddress external = LocalAddresses.nonLoopback().orElse(null);
        assumeTrue(external != null, "this machine has no non-loopback address to call through");
        assertThat(TestHttp.get(LocalAddresses.url(external, port, "/v1/health"), null).status()).isEqualTo(200);
    }
}
