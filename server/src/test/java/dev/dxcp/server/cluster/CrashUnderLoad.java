package dev.dxcp.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.server.e2e.Parallel;
import dev.dxcp.server.process.ServerProcess;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One crash shared by the fault scenarios of issue 14 (points 5 and 6), since each costs the cluster an
 * instance: under a load of registrations, with a rebuild running and a deployment's saga step in flight,
 * the instance running the rebuild (the one holding the most projections) and the one running the saga
 * step are SIGKILLed at the same moment (one instance when they are the same). What the survivors do
 * afterwards is recorded here; each scenario asserts its part.
 */
final class CrashUnderLoad {
    /** The rebuilt projection's read model, in an order that makes two readings comparable. */
    private static final String READ_MODEL = "SELECT service, version, id, artifact_ref, git_sha, ci_publisher, "
            + "built_at FROM rm_build ORDER BY service, version";
    private static final String REBUILD = "/v1/admin/projections/builds/rebuild";

    private final Cluster cluster;
    private final ClusterFixtures fixtures;

    /** The first request, on the instance that then runs the rebuild; the two others asked at once after it. */
    Response rebuildAsked;
    List<Response> rebuildAskedElsewhere;
    String rebuildSeenElsewhere;
    /** Projection → owner before the crash, and the projections the killed instances held. */
    Map<String, String> ownersBefore;
    List<String> projectionsOfTheKilled = new ArrayList<>();
    String sagaStepPickedBy;
    final Set<Integer> killed = new LinkedHashSet<>();
    /** Milliseconds from the kill; -1 when it did not happen within the bound. */
    long takeoverMillis = -1;
    long abandonedMillis = -1;
    long deploymentFinishedMillis = -1;
    Map<String, String> ownersAfter;
    String deploymentId;
    String deploymentState;
    long gateExecutions;
    List<String> acknowledged;
    List<String> missing;
    List<Map<String, Object>> readModel;
    Response rebuildRestarted;
    String restartedRebuildStatus;
    List<Map<String, Object>> rebuiltReadModel;

    private final String service;

    private CrashUnderLoad(Cluster cluster, ClusterFixtures fixtures, String service) {
        this.cluster = cluster;
        this.fixtures = fixtures;
        this.service = service;
    }

    /** @param service a service in a group of its own, deployed once while the crash happens */
    static CrashUnderLoad run(Cluster cluster, ClusterFixtures fixtures, String service) throws Exception {
        CrashUnderLoad crash = new CrashUnderLoad(cluster, fixtures, service);
        crash.crash();
        return crash;
    }

    private void crash() throws Exception {
        String admin = fixtures.admin();
        // Steps of earlier scenarios' deployments due soon finish first; any left are not the crash's.
        until(System.nanoTime(), 20_000, () -> cluster.query("SELECT task_instance FROM scheduled_tasks "
                + "WHERE picked OR execution_time < now() + interval '30 seconds'").isEmpty());
        Set<Object> earlierSteps = new java.util.HashSet<>();
        cluster.query("SELECT task_instance FROM scheduled_tasks").forEach(row -> earlierSteps.add(row.get("task_instance")));
        ownersBefore = projectionOwners();
        int runner = holdingTheMost(ownersBefore);
        String version = fixtures.registered(service);
        String owner = cluster.env.identity.ownerToken("cluster.crash@example.com");

        RegistrationLoad load = new RegistrationLoad(cluster, fixtures, "e2e-svc-95");
        load.start(4);
        ServerProcess.sleep(1_000);
        // Gate holds the deployment's first poll, so the step that polls is in flight on one instance.
        cluster.gate.slowDown("GET_EXECUTION", 6_000, 1);
        Response deployed = fixtures.deploy(cluster.instance(runner + 1), owner, ClusterFixtures.intent(service, version));
        if (deployed.status() != 201) {
            throw new AssertionError("the deployment to crash was not admitted: " + deployed.body());
        }
        deploymentId = deployed.json().path("id").asText();
        sagaStepPickedBy = awaitPickedStep(earlierSteps);
        int picker = Integer.parseInt(sagaStepPickedBy.substring(sagaStepPickedBy.lastIndexOf('-') + 1)) - 1;

        long killedAt;
        try (Connection lock = cluster.env.postgres.connect(cluster.databaseUrl)) {
            // Holding the generation row keeps the rebuild from switching, so it is still running at the kill.
            lock.setAutoCommit(false);
            lock.createStatement().execute("SELECT active FROM rm_generation WHERE projection = 'builds' FOR UPDATE");
            rebuildAsked = TestHttp.post(cluster.instance(runner).url(REBUILD), admin, null);
            rebuildAskedElsewhere = Parallel.run(Cluster.SIZE - 1, i -> TestHttp.post(
                    cluster.instance(runner + 1 + i).url(REBUILD), admin, null));
            rebuildSeenElsewhere = rebuildOf(cluster.instance(runner + 1)).path("status").asText();

            killed.add(runner);
            killed.add(picker);
            Set<String> killedOwners = new LinkedHashSet<>();
            killed.forEach(index -> killedOwners.add(cluster.instance(index).pid() + "@"));
            ownersBefore.forEach((projection, holder) -> {
                if (killedOwners.stream().anyMatch(holder::startsWith)) {
                    projectionsOfTheKilled.add(projection);
                }
            });
            killedAt = System.nanoTime();
            killed.forEach(index -> cluster.instance(index).kill());
            lock.rollback();
        }

        ServerProcess survivor = cluster.instances.stream().filter(ServerProcess::isAlive).findFirst().orElseThrow();
        String alive = survivor.pid() + "@";
        takeoverMillis = until(killedAt, 10_000, () -> {
            Map<String, String> now = projectionOwners();
            return projectionsOfTheKilled.stream().allMatch(p -> now.get(p) != null && cluster.instances.stream()
                    .filter(ServerProcess::isAlive).anyMatch(i -> now.get(p).startsWith(i.pid() + "@")));
        });
        ownersAfter = projectionOwners();
        abandonedMillis = until(killedAt, 30_000,
                () -> rebuildOf(survivor).path("status").asText().equals("abandoned"));
        deploymentFinishedMillis = until(killedAt, 60_000, () -> List.of("SUCCEEDED", "FAILED", "CANCELED",
                "ROLLED_BACK").contains(stateOf(survivor, deploymentId)));
        deploymentState = stateOf(survivor, deploymentId);
        gateExecutions = cluster.gate.executionsOf(deploymentId);

        load.stop();
        acknowledged = load.acknowledged();
        until(System.nanoTime(), 10_000, () -> missingRegistrations(survivor).isEmpty());
        missing = missingRegistrations(survivor);
        readModel = cluster.query(READ_MODEL);
        rebuildRestarted = TestHttp.post(survivor.url(REBUILD), admin, null);
        until(System.nanoTime(), 60_000, () -> rebuildOf(survivor).path("status").asText().equals("completed"));
        restartedRebuildStatus = rebuildOf(survivor).path("status").asText();
        rebuiltReadModel = cluster.query(READ_MODEL);
        System.out.println("cluster: SIGKILLed instance(s) " + killed + " (rebuild runner " + runner + ", saga step of "
                + sagaStepPickedBy + ") under " + acknowledged.size() + " acknowledged registrations: projections "
                + projectionsOfTheKilled + " taken over after " + takeoverMillis + " ms, rebuild abandoned after "
                + abandonedMillis + " ms, deployment " + deploymentState + " after " + deploymentFinishedMillis + " ms");
    }

    private List<String> missingRegistrations(ServerProcess survivor) {
        String listed = TestHttp.get(survivor.url("/v1/services/e2e-svc-95/versions"), fixtures.admin()).body();
        return acknowledged.stream().filter(version -> !listed.contains("\"" + version + "\"")).toList();
    }

    /** Milliseconds from {@code since} until the condition held; -1 if it did not within the bound. */
    private static long until(long since, long boundMillis, java.util.function.BooleanSupplier condition) {
        while ((System.nanoTime() - since) / 1_000_000 <= boundMillis) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            ServerProcess.sleep(50);
        }
        return -1;
    }

    private int holdingTheMost(Map<String, String> owners) {
        int most = 0;
        long held = -1;
        for (int i = 0; i < Cluster.SIZE; i++) {
            String owner = cluster.instance(i).pid() + "@";
            long count = owners.values().stream().filter(o -> o.startsWith(owner)).count();
            if (count > held) {
                held = count;
                most = i;
            }
        }
        return most;
    }

    /** The scheduler name of the instance running a saga step right now. */
    private String awaitPickedStep(Set<Object> earlierSteps) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<Map<String, Object>> picked = cluster.query("SELECT task_instance, picked_by FROM scheduled_tasks "
                    + "WHERE picked AND picked_by LIKE 'cluster-%'").stream()
                    .filter(row -> !earlierSteps.contains(row.get("task_instance"))).toList();
            if (!picked.isEmpty()) {
                return picked.get(0).get("picked_by").toString();
            }
            ServerProcess.sleep(50);
        }
        throw new AssertionError("no instance picked a saga step: " + cluster.query("SELECT * FROM scheduled_tasks"));
    }

    private String stateOf(ServerProcess instance, String id) {
        return TestHttp.get(instance.url("/v1/deployments/" + id), fixtures.admin()).json().path("state").asText();
    }

    private JsonNode rebuildOf(ServerProcess instance) {
        return TestHttp.get(instance.url("/v1/admin/projections/builds"), fixtures.admin()).json().path("rebuild");
    }

    /** Processor name → owner ("pid@host") of each projection's token (sagas and rebuilds left out). */
    private Map<String, String> projectionOwners() {
        Map<String, String> owners = new TreeMap<>();
        for (Map<String, Object> row : cluster.query("SELECT processorname, owner FROM tokenentry "
                + "WHERE processorname NOT LIKE '%.rebuild' AND processorname NOT LIKE '%Saga%'")) {
            owners.put(row.get("processorname").toString(), String.valueOf(row.get("owner")));
        }
        return owners;
    }
}
