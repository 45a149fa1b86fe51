package dev.dxcp.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.notify.Notification.DeploymentFacts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPayloadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebhookPayloads payloads = new WebhookPayloads(JSON);
    private final Notification failed = new Notification("DEPLOYMENT_FAILED", "evt-1",
            Instant.parse("2026-03-02T10:00:00.123456Z"),
            new DeploymentFacts("dep-1", "ROLL_FORWARD", "payments-api", "prod", "payments", "1.4.2", null,
                    "dev@example.com"),
            Map.of("failures", List.of(Map.of("category", "APP", "summary", "Health check <failed> & stopped"))));

    @Test
    void theJsonDocumentNamesTheDeliveryTheEventAndTheDeployment() throws Exception {
        JsonNode body = JSON.readTree(payloads.render("json", "del-1", failed));
        assertThat(body.path("delivery_id").asText()).isEqualTo("del-1");
        assertThat(body.path("event_id").asText()).isEqualTo("evt-1");
        assertThat(body.path("event_type").asText()).isEqualTo("DEPLOYMENT_FAILED");
        assertThat(body.path("occurred_at").asText()).isEqualTo("2026-03-02T10:00:00.123Z");
        assertThat(body.path("deployment").path("service").asText()).isEqualTo("payments-api");
        assertThat(body.path("deployment").path("delivery_group_id").asText()).isEqualTo("payments");
        assertThat(body.path("deployment").path("version").asText()).isEqualTo("1.4.2");
        assertThat(body.path("details").path("failures").get(0).path("category").asText()).isEqualTo("APP");
    }

    @Test
    void theSlackMessageHasTextAndBlocks_withSlackMarkupEscaped() throws Exception {
        JsonNode body = JSON.readTree(payloads.render("slack", "del-1", failed));
        assertThat(body.path("text").asText()).isEqualTo(":x: Deployment of *payments-api* 1.4.2 to *prod* (payments) failed");
        assertThat(body.path("blocks").get(0).path("type").asText()).isEqualTo("section");
        String section = body.path("blocks").get(0).path("text").path("text").asText();
        assertThat(section).contains("Health check &lt;failed&gt; &amp; stopped").doesNotContain("<failed>");
        assertThat(body.path("blocks").get(1).path("type").asText()).isEqualTo("context");
        assertThat(body.has("delivery_id")).isFalse();
    }

    @Test
    void everyEventTypeHasItsOwnHeadline() {
        for (var type : dev.dxcp.events.notification.NotificationEventType.values()) {
            Notification n = new Notification(type.name(), "e", Instant.EPOCH, failed.deployment(), Map.of());
            assertThat(WebhookPayloads.headline(n)).as(type.name()).doesNotStartWith(type.name());
        }
    }
}
