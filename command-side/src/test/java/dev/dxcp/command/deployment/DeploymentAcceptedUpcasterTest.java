package dev.dxcp.command.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.command.upcasting.StoredEvents;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentKind;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** DeploymentAccepted as stored before revision 2 still loads, with its Idempotency-Key kept once. */
class DeploymentAcceptedUpcasterTest {
    private final DeploymentAcceptedUpcaster upcaster = new DeploymentAcceptedUpcaster();

    @Test
    void aStoredDeployLoadsGroupedWithItsKeyOnce() throws Exception {
        DeploymentAccepted d = StoredEvents.load("deployment-accepted-deploy.json", DeploymentAccepted.class,
                upcaster);
        assertThat(d.deploymentId()).isEqualTo("c2ea7f83-01ed-46aa-aacf-56e723ea898d");
        assertThat(d.placement()).isEqualTo(new DeploymentAccepted.Placement("demo-service", "sandbox", "default",
                "lane/default/sandbox"));
        assertThat(d.change()).isEqualTo(new DeploymentAccepted.Change(DeploymentKind.ROLL_FORWARD, "1.0.0", "first",
                null, null, null));
        assertThat(d.recipe().id()).isEqualTo("default");
        assertThat(d.recipe().revision()).isEqualTo(1);
        assertThat(d.artifact().artifactRef()).isEqualTo("s3://dxcp-artifacts/demo-service/demo-service-1.0.0.zip");
        assertThat(d.artifact().sha256()).startsWith("eb200be1");
        assertThat(d.artifact().sizeBytes()).isEqualTo(338L);
        assertThat(d.engine().pipeline()).isEqualTo("deploy-demo-service");
        assertThat(d.submission().createdAt()).isEqualTo(Instant.parse("2026-12-06T17:52:34.079241Z"));
        assertThat(d.submission().actor().actorId()).isEqualTo("owner@dxcp.local");
        assertThat(d.policy().dailyDeployQuota()).isEqualTo(25);
        assertThat(d.submission().idempotency()).isEqualTo(new IdempotencyKeyUse("dep-1", "POST", "/v1/deployments"));
        assertThat(d.idempotencyKey()).isEqualTo("dep-1");
    }

    @Test
    void theScopeDerivedFromTheKeyIsTheScopeStoredBesideIt() throws Exception {
        for (String fixture : List.of("deployment-accepted-deploy.json", "deployment-accepted-rollback.json")) {
            JsonNode stored = StoredEvents.SERIALIZER.getObjectMapper().readTree(StoredEvents.bytes(fixture));
            DeploymentAccepted d = StoredEvents.load(fixture, DeploymentAccepted.class, upcaster);
            assertThat(d.submission().idempotency().scope()).as(fixture)
                    .isEqualTo(stored.get("idempotencyScope").asText());
        }
    }

    @Test
    void aStoredRollbackKeepsWhatItRollsBackAndTheRollbackEndpoint() {
        DeploymentAccepted d = StoredEvents.load("deployment-accepted-rollback.json", DeploymentAccepted.class,
                upcaster);
        assertThat(d.change().kind()).isEqualTo(DeploymentKind.ROLLBACK);
        assertThat(d.change().rollbackOf()).isEqualTo("aa8e3162-4116-4ddf-8991-0bf5681165cc");
        assertThat(d.change().targetVersion()).isEqualTo("1.0.0");
        assertThat(d.engine().pipeline()).isEqualTo("rollback-demo-service");
        assertThat(d.submission().idempotency().path())
                .isEqualTo("/v1/deployments/aa8e3162-4116-4ddf-8991-0bf5681165cc/rollback");
        assertThat(d.submission().actor().role()).isEqualTo("PLATFORM_ADMIN");
    }

    @Test
    void revisionTwoIsLeftAsItIs() {
        IntermediateEventRepresentation stored = StoredEvents.stored("deployment-accepted-deploy.json",
                DeploymentAccepted.class);
        IntermediateEventRepresentation current = stored.upcastPayload(
                new SimpleSerializedType(DeploymentAccepted.class.getName(), "2"), JsonNode.class, json -> json);
        List<IntermediateEventRepresentation> out = upcaster.upcast(Stream.of(current)).toList();
        SerializedObject<?> data = out.get(0).getData();
        assertThat(out.get(0).getType().getRevision()).isEqualTo("2");
        assertThat(StoredEvents.SERIALIZER.getConverter().convert(data.getData(), JsonNode.class).has("service"))
                .isTrue();
    }
}
