package dev.dxcp.query.deployment;

import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentProgressed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentRolledBackByEngine;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentEvents.EngineTriggerRefused;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.events.deployment.PolicySnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random but realistic deployment event histories for property tests: several records over a few
 * (service, environment) scopes, creation times that tie to the microsecond (so the id tie-break
 * matters) and carry nanoseconds (so truncation matters), rollbacks of earlier records, repeated and
 * late engine reports, an orphan fact. Each record's events are in stream order with non-decreasing
 * times; records are interleaved at random, except that a record is accepted only after every record
 * generated before it (so a rollback always follows its target, as the command side guarantees).
 */
final class RandomHistories {
    static final Instant BASE = Instant.parse("2026-03-01T10:00:00Z");
    static final List<String[]> SCOPES = List.of(new String[]{"svc-a", "sandbox"}, new String[]{"svc-a", "dev"},
            new String[]{"svc-b", "sandbox"});
    private static final DeploymentState[] NON_TERMINAL = {DeploymentState.PENDING, DeploymentState.ACTIVE,
            DeploymentState.IN_PROGRESS};

    private RandomHistories() {
    }

    static List<Object> generate(Random random) {
        int count = 1 + random.nextInt(9);
        List<List<Object>> streams = new ArrayList<>();
        List<DeploymentAccepted> accepted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] scope = SCOPES.get(random.nextInt(SCOPES.size()));
            DeploymentAccepted a = accepted(random, scope, accepted);
            accepted.add(a);
            streams.add(stream(random, a));
        }
        List<Object> events = interleave(random, streams);
        if (random.nextInt(10) == 0) {
            events.add(random.nextInt(events.size() + 1), new DeploymentSucceeded("never-accepted", BASE));
        }
        return events;
    }

    /** What DXCP had recorded by {@code asOf}: the events stamped no later than it, in the same order. */
    static List<Object> upTo(List<Object> events, Instant asOf) {
        return events.stream().filter(e -> !EventTime.of(e).isAfter(asOf)).toList();
    }

    /** A moment worth asking about: just before, at, or just after one of the events, or long after all. */
    static Instant someMoment(Random random, List<Object> events) {
        if (random.nextInt(8) == 0) {
            return BASE.plusSeconds(3600);
        }
        Instant at = EventTime.of(events.get(random.nextInt(events.size())));
        return at.plusNanos(1000L * (random.nextInt(3) - 1));
    }

    private static DeploymentAccepted accepted(Random random, String[] scope, List<DeploymentAccepted> earlier) {
        List<DeploymentAccepted> sameScope = earlier.stream()
                .filter(e -> e.service().equals(scope[0]) && e.environment().equals(scope[1])).toList();
        DeploymentAccepted target = !sameScope.isEmpty() && random.nextInt(3) == 0
                ? sameScope.get(random.nextInt(sameScope.size())) : null;
        // Seconds from a small range and whole microseconds from a tiny one: ties happen often.
        Instant createdAt = BASE.plusSeconds(random.nextInt(6)).plusNanos(1000L * random.nextInt(2)
                + random.nextInt(1000));
        if (target != null && createdAt.isBefore(target.createdAt())) {
            createdAt = target.createdAt().plusNanos(random.nextInt(2000));
        }
        DeploymentKind kind = target != null ? DeploymentKind.ROLLBACK
                : random.nextInt(4) == 0 ? DeploymentKind.PROMOTE : DeploymentKind.ROLL_FORWARD;
        String version = "1." + random.nextInt(5) + "." + random.nextInt(10);
        return new DeploymentAccepted(UUID.randomUUID().toString(),
                new DeploymentAccepted.Placement(scope[0], scope[1], "grp", "lane"),
                new DeploymentAccepted.Change(kind, version, "change " + version,
                        kind == DeploymentKind.PROMOTE ? "sandbox" : null,
                        target == null ? null : target.deploymentId(), null),
                new DeploymentAccepted.RecipeUse("default", 1 + random.nextInt(3), "summary"),
                new DeploymentAccepted.Artifact(null, null, null),
                new EngineTarget("app", "pipe"),
                new DeploymentAccepted.Submission(createdAt, new ActorIdentity("actor", "PLATFORM_ADMIN", null,
                        "actor", null), new IdempotencyKeyUse("key", "POST", "/v1/deployments")),
                new PolicySnapshot(1, 0, 25, 1, 24, 50));
    }

    private static List<Object> stream(Random random, DeploymentAccepted a) {
        List<Object> events = new ArrayList<>();
        String id = a.deploymentId();
        events.add(a);
        Instant at = a.createdAt();
        if (random.nextInt(10) < 7) {
            at = later(random, at);
            events.add(new EngineExecutionStarted(id, "exec-" + id, "http://gate/pipelines/exec-" + id, at));
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            at = later(random, at);
            events.add(new DeploymentProgressed(id, NON_TERMINAL[random.nextInt(NON_TERMINAL.length)], at));
        }
        int terminals = random.nextInt(10) < 8 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < terminals; i++) {
            at = later(random, at);
            events.addAll(terminal(random, id, at));
        }
        if (random.nextInt(5) == 0) {
            at = later(random, at);
            events.add(new EngineExecutionStarted(id, "late-" + id, "http://gate/pipelines/late-" + id, at));
        }
        if (random.nextInt(10) == 0) {
            events.add(1, a);
        }
        return events;
    }

    private static List<Object> terminal(Random random, String id, Instant at) {
        int pick = random.nextInt(8);
        if (pick < 4) {
            return List.of(new DeploymentSucceeded(id, at));
        }
        if (pick == 4) {
            return List.of(new EngineTriggerRefused(id, "ENGINE_UNAVAILABLE", 503, "Unable to start deployment",
                    null, Map.of(), at), failed(id, at));
        }
        if (pick == 5) {
            return List.of(failed(id, at));
        }
        return List.of(pick == 6 ? new DeploymentCanceled(id, at) : new DeploymentRolledBackByEngine(id, at));
    }

    private static DeploymentFailed failed(String id, Instant at) {
        return new DeploymentFailed(id, List.of(new FailureModel(FailureCategory.INFRASTRUCTURE, "unavailable",
                null, "retry later", at)), at);
    }

    private static Instant later(Random random, Instant at) {
        return at.plusNanos(random.nextInt(3) == 0 ? 0 : random.nextInt(3_000_000));
    }

    private static List<Object> interleave(Random random, List<List<Object>> streams) {
        List<Object> merged = new ArrayList<>();
        int[] next = new int[streams.size()];
        int started = 0;
        while (true) {
            List<Integer> ready = new ArrayList<>();
            for (int i = 0; i < streams.size(); i++) {
                boolean open = next[i] < streams.get(i).size();
                if (open && (next[i] > 0 || i == started)) {
                    ready.add(i);
                }
            }
            if (ready.isEmpty()) {
                return merged;
            }
            int pick = ready.get(random.nextInt(ready.size()));
            if (next[pick] == 0) {
                started++;
            }
            merged.add(streams.get(pick).get(next[pick]++));
        }
    }
}
