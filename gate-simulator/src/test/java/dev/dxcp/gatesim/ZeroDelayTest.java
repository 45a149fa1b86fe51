package dev.dxcp.gatesim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxcp.gatesim.control.GateSimulatorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With no stage delay, executions finish right after their trigger (the benchmark's mode). */
class ZeroDelayTest {

    @Test
    void executionsReachSucceededWithinMillisecondsOfTheirTrigger() {
        try (GateSimulator gate = GateSimulator.start(GateSimulatorConfig.builder().stageDelay(Duration.ZERO).build())) {
            GateClient client = new GateClient(gate.baseUrl());
            client.triggerOk("dxcp-demo", "rollback", "{\"parameters\":{\"service\":\"warm-up\",\"version\":\"1\"}}");
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                String id = client.triggerOk("dxcp-demo", "canary-deploy-demo-service", GateClient.deployBody("1." + i, "bench-" + i));
                client.pollUntil(id, e -> "SUCCEEDED".equals(e.path("status").asText()), Duration.ofSeconds(2));
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            assertThat(millis.stream().sorted().toList().get(10)).as("median trigger→SUCCEEDED ms").isLessThan(50L);
            assertThat(gate.config().timings().startDelay()).isEqualTo(Duration.ZERO);
        }
    }
}
