package dev.dxcp.query.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.events.deployment.PolicySnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay shows a DeploymentAccepted stored by revision 2 exactly as one stored before it. */
class DeploymentAcceptedWireFormTest {
    /** command-side/src/test/resources/stored-events/before-issue-10/deployment-accepted-deploy.json */
    private static final String STORED_BEFORE = "{\"deploymentId\":\"c2ea7f83-01ed-46aa-aacf-56e723ea898d\","
            + "\"service\":\"demo-service\",\"environment\":\"sandbox\",\"version\":\"1.0.0\",\"recipeId\":\"default\","
            + "\"recipeRevision\":1,\"effectiveBehaviorSummary\":\"Deploys the new version in place; a rollback "
            + "redeploys the previous good version.\",\"deploymentKind\":\"ROLL_FORWARD\",\"rollbackOf\":null,"
            + "\"sourceEnvironment\":null,\"changeSummary\":\"first\",\"deliveryGroupId\":\"default\","
            + "\"laneId\":\"lane/default/sandbox\",\"createdAt\":\"2026-12-06T17:52:34.079241Z\","
            + "\"intentCorrelationId\":\"dep-1\",\"actor\":{\"actorId\":\"owner@dxcp.local\","
            + "\"role\":\"DELIVERY_OWNER\","
            + "\"email\":\"owner@dxcp.local\",\"sub\":\"owner@dxcp.local\",\"azp\":null},\"policy\":"
            + "{\"maxConcurrentDeployments\":1,\"currentConcurrentDeployments\":0,\"dailyDeployQuota\":25,"
            + "\"deploymentsUsed\":0,\"deploymentsRemaining\":25,\"dailyQuotaBuildRegister\":50},\"engine\":"
            + "{\"application\":\"dxcp-demo\",\"pipeline\":\"deploy-demo-service\"},\"artifactRef\":"
            + "\"s3://dxcp-artifacts/demo-service/demo-service-1.0.0.zip\",\"targetVersion\":null,\"buildSha256\":"
            + "\"eb200be1bb121c75f8953c241ddba4d00b1cfd714aa8c60e4597a5b709bb70dd\",\"buildSizeBytes\":338,"
            + "\"idempotencyScope\":\"45bc5e694842c54ddf8b8617b128db8b85ccf1783911b47ef861474702efd48d\"}";

    /** As the server's serializer writes events (Spring Boot's ObjectMapper). */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void aGroupedDeploymentAcceptedReadsAsTheFlatFormStoredBefore() throws Exception {
        DeploymentAccepted same = new DeploymentAccepted("c2ea7f83-01ed-46aa-aacf-56e723ea898d",
                new DeploymentAccepted.Placement("demo-service", "sandbox", "default", "lane/default/sandbox"),
                new DeploymentAccepted.Change(DeploymentKind.ROLL_FORWARD, "1.0.0", "first", null, null, null),
                new DeploymentAccepted.RecipeUse("default", 1,
                        "Deploys the new version in place; a rollback redeploys the previous good version."),
                new DeploymentAccepted.Artifact("s3://dxcp-artifacts/demo-service/demo-service-1.0.0.zip",
                        "eb200be1bb121c75f8953c241ddba4d00b1cfd714aa8c60e4597a5b709bb70dd", 338L),
                new EngineTarget("dxcp-demo", "deploy-demo-service"),
                new DeploymentAccepted.Submission(Instant.parse("2026-12-06T17:52:34.079241Z"),
                        new ActorIdentity("owner@dxcp.local", "DELIVERY_OWNER", "owner@dxcp.local",
                                "owner@dxcp.local", null),
                        new IdempotencyKeyUse("dep-1", "POST", "/v1/deployments")),
                new PolicySnapshot(1, 0, 25, 0, 25, 50));
        byte[] stored = JSON.writeValueAsBytes(same);

        String shown = JSON.writeValueAsString(DeploymentAcceptedWireForm.flat(JSON.readTree(stored)));

        assertThat(shown).isEqualTo(STORED_BEFORE);
    }

    @Test
    void onlyRevisionTwoIsFlattened_eventsStoredBeforeAreShownAsStored() throws Exception {
        StoredEvent old = new StoredEvent(7, "event-7", "d-1", 0, "Deployment",
                "dev.dxcp.events.deployment.DeploymentEvents$DeploymentAccepted", null, "2026-12-06T17:52:34Z",
                STORED_BEFORE.getBytes(), "{}".getBytes());

        ReplayLine line = ReplayLine.decode(old, JSON);

        assertThat(JSON.writeValueAsString(line.payload())).isEqualTo(STORED_BEFORE);
    }
}
