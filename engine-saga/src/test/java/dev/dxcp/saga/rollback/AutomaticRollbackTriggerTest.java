package dev.dxcp.saga.rollback;

import dev.dxcp.events.deployment.AutomaticRollbackMessages.StartAutomaticRollback;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every failure asks the command side to decide its automatic rollback, once per delivery of the event. */
class AutomaticRollbackTriggerTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00.123456789Z");

    @Test
    void aFailureAsksForTheDecision_atTheMomentItIsHandled_underItsRequestId() {
        List<Object> sent = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        AutomaticRollbackTrigger trigger = new AutomaticRollbackTrigger((command, requestId) -> {
            sent.add(command);
            requests.add(requestId);
        }, Clock.fixed(NOW, ZoneOffset.UTC));

        trigger.on(new DeploymentFailed("d-1", List.of(), NOW.minusSeconds(5)), "req-1");

        assertThat(sent).containsExactly(new StartAutomaticRollback("d-1",
                Instant.parse("2026-03-02T10:00:00.123456Z")));
        assertThat(requests).containsExactly("req-1");
    }
}
