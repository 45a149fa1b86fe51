package dev.dxcp.bench.seed;

import dev.dxcp.bench.rig.ArtifactBucket;
import dev.dxcp.bench.setup.BenchConfiguration;
import dev.dxcp.bench.setup.Topology;
import dev.dxcp.events.build.BuildMessages;
import dev.dxcp.events.build.BuildMessages.BuildRegistered;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.DeploymentCommands;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAdmitted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentReleased;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentEvents.LaneQuotaConsumed;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.events.deployment.PolicySnapshot;
import dev.dxcp.events.idempotency.Answer;
import dev.dxcp.events.idempotency.IdempotencyMessages;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotentResponseRecorded;
import dev.dxcp.events.quota.QuotaMessages;
import dev.dxcp.events.quota.QuotaMessages.QuotaUnitConsumed;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates the event streams a server would have written for a past of builds and deployments, one
 * deployment at a time in time order, with the sequence numbers the aggregates would have given them:
 *
 * <ul>
 *   <li>build registration — BuildVersion {@code build/<service>/<version>}: BuildRegistered (0);
 *       DailyQuota {@code quota/build-register/<day>/<sha256(actor)>}: QuotaUnitConsumed (used − 1);
 *       IdempotencyKey {@code idem/<scope>}: IdempotentResponseRecorded (0);</li>
 *   <li>deploy — DeliveryLane {@code lane/<group>/sandbox}: LaneQuotaConsumed, DeploymentAdmitted;
 *       Deployment {@code <id>}: DeploymentAccepted (0); IdempotencyKey: IdempotentResponseRecorded (0);
 *       then, from the saga, EngineExecutionStarted (1), DeploymentSucceeded or DeploymentFailed (2), and
 *       the lane's DeploymentReleased.</li>
 * </ul>
 *
 * A lane's deployments in the seeded past never overlap in time, so each lane stream admits and releases
 * one member at a time, as its aggregate would. No snapshots are written: they are a cache the server
 * rebuilds on first load.
 */
public final class DeploymentHistory {
    private static final Duration BUILD_BEFORE_DEPLOY = Duration.ofMinutes(7);
    private static final Duration TRIGGER_AFTER = Duration.ofMillis(640);
    private static final Duration FINISHED_AFTER = Duration.ofSeconds(41);
    private static final String SAGA_ACTOR = "dxcp-engine-saga";
    private static final String BEHAVIOR = "Deploys in place through an unrestricted pipeline.";

    /** Where generated rows go, in order. */
    public interface RowSink {
        void accept(EventRow row) throws SQLException;
    }

    private final HistoryPlan plan;
    private final ServerEventSerializer serializer;
    private final SplittableRandom random;
    private final Map<String, Long> laneSequences = new HashMap<>();
    private final Map<String, Integer> laneDayUse = new HashMap<>();
    private final Map<String, Integer> quotaDayUse = new HashMap<>();
    private final Map<String, Integer> serviceBuilds = new HashMap<>();
    private BuildRecord lastBuild;

    public DeploymentHistory(HistoryPlan plan, ServerEventSerializer serializer) {
        this.plan = plan;
        this.serializer = serializer;
        this.random = new SplittableRandom(plan.randomSeed());
    }

    public void generate(RowSink sink) throws SQLException {
        List<Topology.Group> groups = plan.topology().history();
        List<String> services = plan.topology().historyServices();
        Map<String, String> groupOf = new HashMap<>();
        groups.forEach(g -> g.services().forEach(s -> groupOf.put(s, g.id())));
        long spanNanos = Duration.between(plan.from(), plan.until()).toNanos();
        for (int i = 0; i < plan.deployments(); i++) {
            Instant at = plan.from().plusNanos(spanNanos / plan.deployments() * i);
            String service = services.get(i % services.size());
            String version = nextVersion(service, at);
            BuildRecord build = build(service, version, at.minus(BUILD_BEFORE_DEPLOY), i);
            lastBuild = build;
            registerBuild(sink, build, i);
            deploy(sink, build, groupOf.get(service), at, i);
        }
    }

    /**
     * The newest build generated, so a check can replay its registration against the server: its key is
     * still inside the 24-hour idempotency window when the seeded past ends an hour ago.
     */
    public BuildRecord lastBuild() {
        return lastBuild;
    }

    /** The Idempotency-Key the seeded registration of a build was made with. */
    public static String registrationKey(BuildRecord build) {
        return "build-" + build.service() + "-" + build.version();
    }

    private String nextVersion(String service, Instant at) {
        int n = serviceBuilds.merge(service, 1, Integer::sum);
        long day = Duration.between(plan.from(), at).toDays();
        return "1." + day + "." + n;
    }

    private BuildRecord build(String service, String version, Instant registeredAt, int i) {
        String sha = RequestFingerprints.sha256(service + version).substring(0, 40);
        return new BuildRecord(UUID.randomUUID().toString(), service, version,
                ArtifactBucket.artifactRef(service, version), sha, "main", "bench-ci", "github",
                Integer.toString(100_000 + i), registeredAt.minus(Duration.ofMinutes(3)),
                RequestFingerprints.sha256(service + "/" + version + "/artifact"), 338L + random.nextInt(2_000),
                "application/zip", null, "github.com/bench/" + service, null, null, null, registeredAt);
    }

    private void registerBuild(RowSink sink, BuildRecord b, int i) throws SQLException {
        String actor = ciActor(i);
        String key = registrationKey(b);
        Map<String, String> meta = requestMetadata(actor, "CI_PUBLISHER", null, actor.replace("@clients", ""), key);
        Instant at = b.registeredAt();
        sink.accept(serializer.row("BuildVersion", BuildMessages.buildVersionId(b.service(), b.version()), 0,
                new BuildRegistered(BuildMessages.buildVersionId(b.service(), b.version()), b), meta, at));
        LocalDate day = day(at);
        String quotaId = QuotaMessages.dailyQuotaId("build-register", RequestFingerprints.sha256(actor), day);
        int used = quotaDayUse.merge(quotaId, 1, Integer::sum);
        sink.accept(serializer.row("DailyQuota", quotaId, used - 1,
                new QuotaUnitConsumed(quotaId, "build-register", actor, day, used), meta, at));
        String scope = RequestFingerprints.scope("POST", "/v1/builds/register", key);
        String keyId = IdempotencyMessages.idempotencyKeyId(scope);
        sink.accept(serializer.row("IdempotencyKey", keyId, 0, new IdempotentResponseRecorded(keyId,
                RecordFingerprints.buildFingerprint(b), Answer.build(b.withLinksHidden(), true), b.id(), at), meta, at));
    }

    private void deploy(RowSink sink, BuildRecord b, String groupId, Instant at, int i) throws SQLException {
        String owner = ownerActor(i);
        String key = "deploy-" + b.service() + "-" + b.version();
        Map<String, String> meta = requestMetadata(owner, "DELIVERY_OWNER", owner, null, key);
        String laneId = DeploymentCommands.laneId(groupId, Topology.ENVIRONMENT);
        LocalDate day = day(at);
        int usedBefore = laneDayUse.getOrDefault(laneId + day, 0);
        laneDayUse.put(laneId + day, usedBefore + 1);
        sink.accept(serializer.row("DeliveryLane", laneId, nextLaneSequence(laneId),
                new LaneQuotaConsumed(laneId, DeploymentKind.ROLL_FORWARD, day, usedBefore + 1), meta, at));
        String deploymentId = UUID.randomUUID().toString();
        sink.accept(serializer.row("DeliveryLane", laneId, nextLaneSequence(laneId),
                new DeploymentAdmitted(laneId, deploymentId, at), meta, at));
        String scope = RequestFingerprints.scope("POST", "/v1/deployments", key);
        DeploymentAccepted accepted = accepted(b, deploymentId, groupId, laneId, at, key, owner, usedBefore, scope);
        sink.accept(serializer.row("Deployment", deploymentId, 0, accepted, meta, at));
        String keyId = IdempotencyMessages.idempotencyKeyId(scope);
        sink.accept(serializer.row("IdempotencyKey", keyId, 0, new IdempotentResponseRecorded(keyId,
                RecordFingerprints.deployFingerprint(accepted), Answer.deployment(DeploymentRecord.initialOf(accepted),
                        false),
                deploymentId, at), meta, at));
        Map<String, String> saga = sagaMetadata(meta.get("request_id"));
        Instant started = at.plus(TRIGGER_AFTER);
        String executionId = executionId();
        sink.accept(serializer.row("Deployment", deploymentId, 1, new EngineExecutionStarted(deploymentId,
                executionId, plan.engineBaseUrl() + "/pipelines/" + executionId, started), saga, started));
        Instant finished = at.plus(FINISHED_AFTER);
        Object outcome = i % plan.failedEvery() == plan.failedEvery() - 1
                ? new DeploymentFailed(deploymentId, List.of(new FailureModel(FailureCategory.APP,
                "The new version did not become healthy", "Health checks failed after the rollout.",
                "Check the service's logs and health endpoint, then deploy a fixed version.", finished)), finished)
                : new DeploymentSucceeded(deploymentId, finished);
        sink.accept(serializer.row("Deployment", deploymentId, 2, outcome, saga, finished));
        sink.accept(serializer.row("DeliveryLane", laneId, nextLaneSequence(laneId),
                new DeploymentReleased(laneId, deploymentId, finished), saga, finished));
    }

    private DeploymentAccepted accepted(BuildRecord b, String deploymentId, String groupId, String laneId,
                                        Instant at, String key, String owner, int usedBefore, String scope) {
        int quota = BenchConfiguration.GUARDRAIL;
        PolicySnapshot policy = new PolicySnapshot(quota, 0, quota, usedBefore, quota - usedBefore,
                BenchConfiguration.MAX_RATE);
        return new DeploymentAccepted(deploymentId,
                new DeploymentAccepted.Placement(b.service(), Topology.ENVIRONMENT, groupId, laneId),
                new DeploymentAccepted.Change(DeploymentKind.ROLL_FORWARD, b.version(), "release " + b.version(), null,
                        null, null),
                new DeploymentAccepted.RecipeUse(BenchConfiguration.RECIPE, 1, BEHAVIOR),
                new DeploymentAccepted.Artifact(b.artifactRef(), b.sha256(), b.sizeBytes()),
                new EngineTarget(BenchConfiguration.ENGINE_APPLICATION, BenchConfiguration.PIPELINE),
                new DeploymentAccepted.Submission(at, new ActorIdentity(owner, "DELIVERY_OWNER", owner, owner, null),
                        new IdempotencyKeyUse(key, "POST", "/v1/deployments")),
                policy);
    }

    private long nextLaneSequence(String laneId) {
        return laneSequences.merge(laneId, 1L, Long::sum) - 1;
    }

    private Map<String, String> requestMetadata(String actor, String role, String email, String azp, String key) {
        String trace = UUID.randomUUID().toString();
        Map<String, String> meta = new HashMap<>();
        meta.put("traceId", trace);
        meta.put("correlationId", trace);
        meta.put("actor_id", actor);
        meta.put("actor_sub", actor);
        meta.put("actor_role", role);
        meta.put("request_id", UUID.randomUUID().toString());
        meta.put("idempotency_key", key);
        if (email != null) {
            meta.put("actor_email", email);
        }
        if (azp != null) {
            meta.put("actor_azp", azp);
        }
        return meta;
    }

    private static Map<String, String> sagaMetadata(String requestId) {
        String trace = UUID.randomUUID().toString();
        return Map.of("traceId", trace, "correlationId", trace, "actor_id", SAGA_ACTOR, "actor_role", "SYSTEM",
                "request_id", requestId);
    }

    private String ciActor(int i) {
        return String.format(Locale.ROOT, "hist-ci-%02d@clients", i % plan.ciActors() + 1);
    }

    private String ownerActor(int i) {
        return String.format(Locale.ROOT, "hist-owner-%02d@bench.example", i % plan.owners() + 1);
    }

    /** A ULID-shaped id, as the engine hands out. */
    private String executionId() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder id = new StringBuilder(26);
        for (int k = 0; k < 26; k++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
