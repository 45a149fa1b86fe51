package dev.dxcp.server.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MachineSizedDefaultsTest {

    @Test
    void threadCountsFollowTheCoresWithFloorsForSmallMachines() {
        assertThat(MachineSizedDefaults.defaults(1)).isEqualTo(Map.of(MachineSizedDefaults.BLOCKING_THREADS, 16,
                MachineSizedDefaults.SAGA_THREADS, 4));
        assertThat(MachineSizedDefaults.defaults(2)).isEqualTo(Map.of(MachineSizedDefaults.BLOCKING_THREADS, 24,
                MachineSizedDefaults.SAGA_THREADS, 8));
        assertThat(MachineSizedDefaults.defaults(8)).isEqualTo(Map.of(MachineSizedDefaults.BLOCKING_THREADS, 96,
                MachineSizedDefaults.SAGA_THREADS, 32));
    }

    @Test
    void theDerivedDefaultsComeAfterEveryOtherSource() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("operator",
                Map.of(MachineSizedDefaults.BLOCKING_THREADS, "7")));
        new MachineSizedDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(MachineSizedDefaults.BLOCKING_THREADS)).isEqualTo("7");
        assertThat(environment.getProperty(MachineSizedDefaults.SAGA_THREADS, Integer.class))
                .isEqualTo(Math.max(4, 4 * Runtime.getRuntime().availableProcessors()));
    }
}
