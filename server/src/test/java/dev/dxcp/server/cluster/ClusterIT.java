package dev.dxcp.server.cluster;

import dev.dxcp.server.deploy.DeployFiles;
import dev.dxcp.server.e2e.Parallel;
import dev.dxcp.server.process.LoadFixtures;
import dev.dxcp.server.process.ServerProcess;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances on one PostgreSQL (issue 14), one cluster for every scenario, in order: start-up on an
 * empty database, then guardrails, limits and reads across instances, then the faults.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final int PARALLEL = 12;
    private Cluster cluster;
    private ClusterFixtures fixtures;
    private long startedAt;

    @BeforeAll
    void startCluster() {
        startedAt = System.nanoTime();
        cluster = Cluster.start();
        fixtures = new ClusterFixtures(cluster);
        System.out.println("cluster: three instances healthy " + cluster.startedIn.toMillis() + " ms after a "
                + "simultaneous start on an empty database");
        LoadFixtures.openForLoad(cluster.next(), Cluster.CI_PREFIX);
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        System.out.println("cluster: scenarios took " + (System.nanoTime() - startedAt) / 1_000_000 + " ms");
    }

    @AfterEach
    void releaseHungExecutions() {
        cluster.gate.clearOutcomes();
        cluster.gate.clearFaults();
        cluster.gate.cancelUnfinished();
    }

    @Test
    @Order(1)
    void instancesStartedTogetherOnAnEmptyDatabaseMigrateItOnceAndAllServe() {
        List<Map<String, Object>> history = cluster.query(
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        assertThat(history).extracting(row -> row.get("version")).doesNotHaveDuplicates()
                .contains("1", "2", "3", "4", "101", "102", "103", "110", "111");
        assertThat(history).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
        assertThat(cluster.query("SELECT count(*) AS n FROM domainevententry WHERE payloadtype LIKE "
                + "'%DeliveryConfigurationSeeded'")).singleElement()
                .satisfies(row -> assertThat(((Number) row.get("n")).intValue()).as("seeded once").isEqualTo(1));
        for (ServerProcess instance : cluster.instances) {
            assertThat(TestHttp.get(instance.url("/actuator/health/readiness"), null).status()).isEqualTo(200);
            assertThat(TestHttp.get(instance.url("/v1/delivery-groups/default"), fixtures.admin()).status())
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void twelveDeploysSpreadOverTheInstancesIntoAGroupWithOnePlaceAdmitExactlyOne() throws Exception {
        String service = fixtures.serviceInOwnGroup(Map.of("max_concurrent_deployments", 1,
                "daily_deploy_quota", 100));
        cluster.gate.hangDeploymentsOf(service);
        String version = fixtures.registered(service);
        String owner = cluster.env.identity.ownerToken("cluster.racer@example.com");

        List<Response> responses = Parallel.run(PARALLEL, i -> fixtures.deploy(cluster.instance(i), owner,
                ClusterFixtures.intent(service, version)));

        assertThat(Parallel.count(responses, 201)).as(ClusterFixtures.bodies(responses)).isEqualTo(1);
        assertThat(responses.stream().filter(r -> r.status() != 201)).hasSize(PARALLEL - 1)
                .allSatisfy(r -> assertThat(r.json().path("code").asText()).isEqualTo("CONCURRENCY_LIMIT_REACHED"));
        assertThat(cluster.gate.executions().stream().filter(e -> service.equals(
                e.path("trigger").path("parameters").path("service").asText()))).hasSize(1);
    }

    @Test
    @Order(3)
    void twelveDeploysSpreadOverTheInstancesAgainstAQuotaWithThreeLeftAdmitExactlyThree() throws Exception {
        String service = fixtures.serviceInOwnGroup(Map.of("max_concurrent_deployments", 50,
                "daily_deploy_quota", 3));
        cluster.gate.hangDeploymentsOf(service);
        String version = fixtures.registered(service);
        String owner = cluster.env.identity.ownerToken("cluster.quota@example.com");

        List<Response> responses = Parallel.run(PARALLEL, i -> fixtures.deploy(cluster.instance(i), owner,
                ClusterFixtures.intent(service, version)));

        assertThat(Parallel.count(responses, 201)).as(ClusterFixtures.bodies(responses)).isEqualTo(3);
        assertThat(responses.stream().filter(r -> r.status() != 201)).hasSize(PARALLEL - 3)
                .allSatisfy(r -> assertThat(r.json().path("code").asText()).isEqualTo("QUOTA_EXCEEDED"));
    }

    @Test
    @Order(4)
    void twentySameKeyRegistrationsSpreadOverTheInstancesGiveOneBuildAndNineteenReplays() throws Exception {
        String service = "e2e-svc-90";
        String version = ClusterFixtures.uniqueVersion();
        Map<String, Object> body = fixtures.buildBody(service, version);
        String key = UUID.randomUUID().toString();
        String token = fixtures.ci("storm");

        List<Response> responses = Parallel.run(20, i -> fixtures.register(cluster.instance(i), token, key, body));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        assertThat(responses.stream().filter(r -> r.header("Idempotency-Replayed").orElse("").equals("false")))
                .hasSize(1);
        assertThat(responses.stream().filter(r -> r.header("Idempotency-Replayed").orElse("").equals("true")))
                .hasSize(19);
        assertThat(responses.stream().map(Response::body).distinct()).as("every replay is the first answer").hasSize(1);
        assertThat(fixtures.buildRegisteredEvents(service, version)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void twentySameKeyRegistrationsWithDifferentBodiesSpreadOverTheInstancesHaveOneWinner() throws Exception {
        String service = "e2e-svc-91";
        String key = UUID.randomUUID().toString();
        String token = fixtures.ci("race");
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bodies.add(fixtures.buildBody(service, ClusterFixtures.uniqueVersion()));
        }

        List<Response> responses = Parallel.run(20, i -> fixtures.register(cluster.instance(i), token, key,
                bodies.get(i)));

        assertThat(responses.stream().filter(r -> r.status() == 201)).as(ClusterFixtures.bodies(responses)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() != 201)).hasSize(19)
                .allSatisfy(r -> assertThat(r.json().path("code").asText()).isEqualTo("BUILD_REGISTRATION_CONFLICT"));
        long registered = bodies.stream()
                .mapToLong(b -> fixtures.buildRegisteredEvents(service, (String) b.get("version"))).sum();
        assertThat(registered).isEqualTo(1);
    }

    @Test
    @Order(6)
    void aReadLimitOfThirtyAMinuteAdmitsThirtyInTotalOverThreeInstances() {
        setRateLimits(30, 5000, 5000);
        String reader = cluster.env.identity.ownerToken("reader-" + UUID.randomUUID() + "@example.com");
        List<Integer> statuses = new ArrayList<>();
        RateWindowClock.awaitRoomInTheMinute(20);
        for (int i = 0; i < 45; i++) {
            statuses.add(TestHttp.get(cluster.instance(i).url("/v1/services"), reader).status());
        }
        setRateLimits(5000, 5000, 5000);
        assertThat(statuses.stream().filter(s -> s == 200)).as(statuses.toString()).hasSize(30);
        assertThat(statuses.stream().filter(s -> s == 429)).hasSize(15);
    }

    @Test
    @Order(7)
    void aMutateLimitAndADailyQuotaMeanTheSameOnThreeInstancesAsOnOne() throws Exception {
        setRateLimits(5000, 10, 5000);
        String service = "e2e-svc-92";
        String limited = fixtures.ci("limited-" + UUID.randomUUID());
        List<Map<String, Object>> builds = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            builds.add(fixtures.buildBody(service, ClusterFixtures.uniqueVersion()));
        }
        RateWindowClock.awaitRoomInTheMinute(20);
        List<Response> byRate = Parallel.run(15, i -> fixtures.register(cluster.instance(i), limited,
                UUID.randomUUID().toString(), builds.get(i)));

        setRateLimits(5000, 5000, 3);
        String quoted = fixtures.ci("quota-" + UUID.randomUUID());
        List<Map<String, Object>> more = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            more.add(fixtures.buildBody(service, ClusterFixtures.uniqueVersion()));
        }
        List<Response> byQuota = Parallel.run(9, i -> fixtures.register(cluster.instance(i), quoted,
                UUID.randomUUID().toString(), more.get(i)));
        setRateLimits(5000, 5000, 5000);

        assertThat(Parallel.count(byRate, 201)).as(ClusterFixtures.bodies(byRate)).isEqualTo(10);
        assertThat(byRate.stream().filter(r -> r.status() != 201)).hasSize(5)
                .allSatisfy(r -> assertThat(r.json().path("code").asText()).isEqualTo("RATE_LIMITED"));
        assertThat(Parallel.count(byQuota, 201)).as(ClusterFixtures.bodies(byQuota)).isEqualTo(3);
        assertThat(byQuota.stream().filter(r -> r.status() != 201)).hasSize(6)
                .allSatisfy(r -> assertThat(r.json().path("code").asText()).isEqualTo("QUOTA_EXCEEDED"));
    }

    /**
     * The guarantee (decision 172): an instance answers a write only once every projection, on whichever
     * instance it runs, has processed the write's events into the shared read models; so the next read,
     * on any instance, sees it, with no position passed back by the client.
     */
    @Test
    @Order(8)
    void aWriteAnsweredByOneInstanceIsReadOnEveryOtherAtOnce() {
        String service = "e2e-svc-93";
        String ci = fixtures.ci("ryw");
        String admin = fixtures.admin();
        List<Long> writeMillis = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String version = ClusterFixtures.uniqueVersion();
            long started = System.nanoTime();
            Response written = fixtures.register(cluster.instance(i), ci, UUID.randomUUID().toString(),
                    fixtures.buildBody(service, version));
            writeMillis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(written.status()).as(written.body()).isEqualTo(201);
            for (int other = 1; other < Cluster.SIZE; other++) {
                Response versions = TestHttp.get(cluster.instance(i + other).url("/v1/services/" + service
                        + "/versions"), admin);
                assertThat(versions.body()).as("instance %d reads what instance %d answered",
                        Math.floorMod(i + other, Cluster.SIZE), Math.floorMod(i, Cluster.SIZE)).contains(version);
            }
        }
        String deployService = fixtures.serviceInOwnGroup(Map.of("max_concurrent_deployments", 10,
                "daily_deploy_quota", 100));
        String owner = cluster.env.identity.ownerToken("cluster.reader@example.com");
        for (int i = 0; i < 3; i++) {
            String version = fixtures.registered(deployService);
            long started = System.nanoTime();
            Response deployed = fixtures.deploy(cluster.instance(i), owner, ClusterFixtures.intent(deployService, version));
            writeMillis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
            String id = deployed.json().path("id").asText();
            assertThat(TestHttp.get(cluster.instance(i + 1).url("/v1/deployments/" + id), admin).status()).isEqualTo(200);
            assertThat(TestHttp.get(cluster.instance(i + 2).url("/v1/deployments?service=" + deployService), admin)
                    .body()).contains(id);
        }
        System.out.println("cluster: write answer times with read-your-writes across instances (ms) " + writeMillis);
    }

    @Test
    @Order(9)
    void theKillSwitchSetOnOneInstanceIsInForceOnTheOthersWithinOneSecond() {
        String owner = fixtures.ci("kill-switch");
        Response on = TestHttp.put(cluster.instance(0).url("/v1/admin/system/mutations-disabled"), fixtures.admin(),
                Map.of("mutations_disabled", true));
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        long refusedAfter = Within.oneSecond(() -> killSwitchOnOthers(0, true));
        for (int other = 1; other < Cluster.SIZE; other++) {
            Response refused = fixtures.register(cluster.instance(other), owner, UUID.randomUUID().toString(),
                    fixtures.buildBody("e2e-svc-94", ClusterFixtures.uniqueVersion()));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("code").asText()).isEqualTo("MUTATIONS_DISABLED");
        }
        Response off = TestHttp.put(cluster.instance(1).url("/v1/admin/system/mutations-disabled"), fixtures.admin(),
                Map.of("mutations_disabled", false));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        long acceptedAfter = Within.oneSecond(() -> killSwitchOnOthers(1, false));
        Response accepted = fixtures.register(cluster.instance(2), owner, UUID.randomUUID().toString(),
                fixtures.buildBody("e2e-svc-94", ClusterFixtures.uniqueVersion()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        System.out.println("cluster: kill switch in force elsewhere after " + refusedAfter + " ms, lifted after "
                + acceptedAfter + " ms");
    }

    @Test
    @Order(10)
    void anEngineAdapterChangedOnOneInstanceIsInForceOnTheOthersWithinOneSecond() {
        String adapter = "/v1/admin/system/engine-adapters/main";
        String dead = "http://127.0.0.1:" + ServerProcess.freePort();
        Response moved = TestHttp.put(cluster.instance(0).url(adapter), fixtures.admin(),
                Map.of("mode", "http", "gate_url", dead));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        // The setting within a second; then what it does (a health call to Gate takes its own time).
        long downAfter = Within.oneSecond(() -> adapterOnOthers(0, dead));
        assertThat(engineStatusOnOthers(0, "DOWN")).as("the others call the new engine").isTrue();
        Response back = TestHttp.put(cluster.instance(1).url(adapter), fixtures.admin(),
                Map.of("mode", "http", "gate_url", cluster.gate.baseUrl()));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        long upAfter = Within.oneSecond(() -> adapterOnOthers(1, cluster.gate.baseUrl()));
        assertThat(engineStatusOnOthers(1, "UP")).as("the others call Gate again").isTrue();
        System.out.println("cluster: engine adapter change in force elsewhere after " + downAfter + " ms, back after "
                + upAfter + " ms");
    }

    @Test
    @Order(11)
    void theProbesOfTheDeployFilesAnswerUpOnEveryInstance() {
        List<String> paths = List.of(DeployFiles.probePath("readinessProbe"), DeployFiles.probePath("livenessProbe"),
                DeployFiles.probePath("startupProbe"), DeployFiles.imageHealthCheckPath());
        for (ServerProcess instance : cluster.instances) {
            for (String path : paths) {
                Response probe = TestHttp.get(instance.url(path), null);
                assertThat(probe.status()).as(path).isEqualTo(200);
                assertThat(probe.json().path("status").asText()).as(path).isEqualTo("UP");
            }
        }
    }

    /**
     * The saga's steps are db-scheduler tasks; the instance running one (picked_by) is SIGKILLed while
     * Gate holds its poll. Another instance picks the dead step up and carries the deployment to the end,
     * and Gate ran it once.
     */
    @Test
    @Order(12)
    void aDeploymentWhoseInstanceIsKilledMidExecutionFinishesOnAnotherWithOneGateExecution() throws Exception {
        String service = fixtures.serviceInOwnGroup(Map.of("max_concurrent_deployments", 5, "daily_deploy_quota", 100));
        String version = fixtures.registered(service);
        String owner = cluster.env.identity.ownerToken("cluster.saga@example.com");
        cluster.gate.slowDown("GET_EXECUTION", 6_000, 1);
        Thread deploy = new Thread(() -> {
            try {
                fixtures.deploy(cluster.instance(0), owner, ClusterFixtures.intent(service, version));
            } catch (RuntimeException cutOff) {
                // the instance answering may be the one killed: the record is looked up below
            }
        });
        deploy.start();
        String picker = awaitPickedStep();
        int victim = Integer.parseInt(picker.substring(picker.lastIndexOf('-') + 1)) - 1;
        long killedAt = System.nanoTime();
        cluster.instance(victim).kill();
        deploy.join();

        ServerProcess survivor = cluster.instance(victim + 1);
        String id = TestHttp.get(survivor.url("/v1/deployments?service=" + service), fixtures.admin()).json()
                .path(0).path("id").asText();
        String state = awaitTerminal(survivor, id);
        long finishedAfter = (System.nanoTime() - killedAt) / 1_000_000;
        cluster.instance(victim).start();

        assertThat(state).isEqualTo("SUCCEEDED");
        assertThat(cluster.gate.executionsOf(id)).as("Gate executions of " + id).isEqualTo(1);
        System.out.println("cluster: saga step of " + picker + " killed; deployment SUCCEEDED on another instance "
                + finishedAfter + " ms after the kill");
    }

    /** The scheduler name of the instance running a saga step right now. */
    private String awaitPickedStep() {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<Map<String, Object>> picked = cluster.query(
                    "SELECT picked_by FROM scheduled_tasks WHERE picked AND picked_by LIKE 'cluster-%'");
            if (!picked.isEmpty()) {
                return picked.get(0).get("picked_by").toString();
            }
            ServerProcess.sleep(50);
        }
        throw new AssertionError("no instance picked a saga step: " + cluster.query("SELECT * FROM scheduled_tasks"));
    }

    private String awaitTerminal(ServerProcess instance, String deploymentId) {
        long deadline = System.currentTimeMillis() + 60_000;
        String state = null;
        while (System.currentTimeMillis() < deadline) {
            state = TestHttp.get(instance.url("/v1/deployments/" + deploymentId), fixtures.admin()).json()
                    .path("state").asText();
            if (List.of("SUCCEEDED", "FAILED", "CANCELED", "ROLLED_BACK").contains(state)) {
                return state;
            }
            ServerProcess.sleep(200);
        }
        throw new AssertionError("deployment " + deploymentId + " still " + state);
    }

    /**
     * Projections are claimed through the token table. The instance holding the most is SIGKILLed under a
     * load of registrations: its projections are claimed by the others within 10 s, and the build read model
     * then equals what a rebuild from the event store makes of it (nothing skipped, nothing applied twice).
     */
    @Test
    @Order(13)
    void projectionsOfAKilledInstanceAreTakenOverWithinTenSecondsAndEqualTheirRebuild() throws Exception {
        Map<String, String> owners = projectionOwners();
        int victim = 0;
        long most = -1;
        for (int i = 0; i < Cluster.SIZE; i++) {
            String owner = cluster.instance(i).pid() + "@";
            long held = owners.values().stream().filter(o -> o.startsWith(owner)).count();
            if (held > most) {
                most = held;
                victim = i;
            }
        }
        String victimOwner = cluster.instance(victim).pid() + "@";
        List<String> victims = owners.entrySet().stream().filter(e -> e.getValue().startsWith(victimOwner))
                .map(Map.Entry::getKey).toList();
        assertThat(victims).as("projections held by instance %d of %s", victim, owners).isNotEmpty();

        RegistrationLoad load = new RegistrationLoad(cluster, fixtures, "e2e-svc-95", victim);
        load.start(4);
        ServerProcess.sleep(2_000);
        long killedAt = System.nanoTime();
        cluster.instance(victim).kill();
        Within.millis(10_000, () -> {
            Map<String, String> now = projectionOwners();
            return victims.stream().allMatch(name -> now.get(name) != null && !now.get(name).startsWith(victimOwner));
        });
        long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        ServerProcess.sleep(2_000);
        load.stop();

        ServerProcess survivor = cluster.instance(victim + 1);
        assertThat(load.acknowledged()).as("the load ran").hasSizeGreaterThan(10);
        String listed = TestHttp.get(survivor.url("/v1/services/e2e-svc-95/versions"), fixtures.admin()).body();
        assertThat(load.acknowledged()).as("every acknowledged registration is in the read model")
                .allSatisfy(version -> assertThat(listed).contains("\"" + version + "\""));
        String query = "SELECT service, version, id, artifact_ref, git_sha, ci_publisher, built_at FROM rm_build"
                + " WHERE service = 'e2e-svc-95' ORDER BY version";
        List<Map<String, Object>> before = cluster.query(query);
        Response rebuild = TestHttp.post(survivor.url("/v1/admin/projections/builds/rebuild"), fixtures.admin(), null);
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        Within.millis(60_000, () -> TestHttp.get(survivor.url("/v1/admin/projections/builds"), fixtures.admin())
                .json().path("rebuild").path("status").asText().equals("completed"));
        assertThat(cluster.query(query)).as("the read model equals its rebuild").isEqualTo(before);
        cluster.instance(victim).start();
        System.out.println("cluster: projections " + victims + " of a SIGKILLed instance taken over after "
                + takeoverMillis + " ms; " + load.acknowledged().size() + " registrations acknowledged under load");
    }

    /**
     * Eight clients register and deploy through a round-robin client that retries connection errors and
     * 503s with the same key, while the three instances are stopped (SIGTERM: readiness DOWN, requests in
     * flight finish) and started again one after another. No answer is a 5xx other than 503, and every
     * acknowledged build and deployment is there afterwards.
     */
    @Test
    @Order(16)
    void aRollingRestartUnderLoadLosesNoAcknowledgedWriteAndAnswersNo5xxBut503() throws Exception {
        String service = fixtures.serviceInOwnGroup(Map.of("max_concurrent_deployments", 50,
                "daily_deploy_quota", 2000));
        RoundRobinClient client = new RoundRobinClient(cluster);
        String ci = fixtures.ci("rolling");
        String owner = cluster.env.identity.ownerToken("cluster.rolling@example.com");
        java.util.Queue<String> builds = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.Queue<String> deployments = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.Queue<String> wrong = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    String version = ClusterFixtures.uniqueVersion();
                    Response registered = client.post("/v1/builds/register", ci, fixtures.buildBody(service, version),
                            UUID.randomUUID().toString());
                    if (registered == null || registered.status() != 201) {
                        wrong.add("register " + (registered == null ? "no answer" : registered.status() + " "
                                + registered.body()));
                        continue;
                    }
                    builds.add(version);
                    Response deployed = client.post("/v1/deployments", owner, ClusterFixtures.intent(service, version),
                            UUID.randomUUID().toString());
                    if (deployed == null || deployed.status() != 201) {
                        wrong.add("deploy " + (deployed == null ? "no answer" : deployed.status() + " "
                                + deployed.body()));
                        continue;
                    }
                    deployments.add(deployed.json().path("id").asText());
                    ServerProcess.sleep(200);
                }
            }, "cluster-rolling-" + c);
            thread.start();
            clients.add(thread);
        }
        long started = System.nanoTime();
        ServerProcess.sleep(2_000);
        for (ServerProcess instance : cluster.instances) {
            instance.close();
            instance.start();
            ServerProcess.sleep(1_000);
        }
        stop.set(true);
        for (Thread thread : clients) {
            thread.join();
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        String admin = fixtures.admin();
        String listed = TestHttp.get(cluster.next().url("/v1/services/" + service + "/versions"), admin).body();
        List<String> lostBuilds = builds.stream().filter(v -> !listed.contains("\"" + v + "\"")).toList();
        List<String> lostDeployments = deployments.stream().filter(id -> TestHttp.get(
                cluster.next().url("/v1/deployments/" + id), admin).status() != 200).toList();
        System.out.println("cluster: rolling restart of " + Cluster.SIZE + " instances in " + tookMillis + " ms under 8 "
                + "clients: " + client.requests.get() + " requests, " + client.retries.get() + " retries, "
                + client.unavailable.get() + " answered 503 then retried, " + builds.size() + " builds and "
                + deployments.size() + " deployments acknowledged, lost " + (lostBuilds.size() + lostDeployments.size()));
        assertThat(wrong).as("answers other than 201 (after retries)").isEmpty();
        assertThat(builds).as("the load ran").hasSizeGreaterThan(20);
        assertThat(lostBuilds).as("acknowledged builds missing").isEmpty();
        assertThat(lostDeployments).as("acknowledged deployments missing").isEmpty();
    }

    /**
     * A rebuild asked of all three instances at once runs once: one 202, two 409 REBUILD_IN_PROGRESS. The
     * test holds the projection's generation row lock, so the rebuild cannot switch and is still running
     * when its instance is SIGKILLed; the others then show it abandoned, and a new request on one of them
     * runs it to the end.
     */
    @Test
    @Order(15)
    void aRebuildRunsOnceClusterWideAndOneAbandonedByAKilledInstanceIsShownAndRestarted() throws Exception {
        String query = "SELECT service, version, id, artifact_ref, git_sha, built_at FROM rm_build ORDER BY service, version";
        List<Map<String, Object>> before = cluster.query(query);
        int runner;
        try (java.sql.Connection lock = cluster.env.postgres.connect(cluster.databaseUrl)) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("SELECT active FROM rm_generation WHERE projection = 'builds' FOR UPDATE");
            String admin = fixtures.admin();
            List<Response> asked = Parallel.run(Cluster.SIZE, i -> TestHttp.post(
                    cluster.instance(i).url("/v1/admin/projections/builds/rebuild"), admin, null));
            assertThat(Parallel.count(asked, 202)).as(ClusterFixtures.bodies(asked)).isEqualTo(1);
            assertThat(asked.stream().filter(r -> r.status() != 202)).hasSize(Cluster.SIZE - 1)
                    .allSatisfy(r -> assertThat(r.json().path("code").asText()).isEqualTo("REBUILD_IN_PROGRESS"));
            runner = 0;
            while (asked.get(runner).status() != 202) {
                runner++;
            }
            ServerProcess other = cluster.instance(runner + 1);
            assertThat(rebuildOf(other).path("status").asText()).as("seen from another instance").isEqualTo("rebuilding");

            cluster.instance(runner).kill();
            Within.millis(30_000, () -> rebuildOf(other).path("status").asText().equals("abandoned"));
            lock.rollback();
        }
        ServerProcess other = cluster.instance(runner + 1);
        Response restarted = TestHttp.post(other.url("/v1/admin/projections/builds/rebuild"), fixtures.admin(), null);
        assertThat(restarted.status()).as(restarted.body()).isEqualTo(202);
        Within.millis(60_000, () -> rebuildOf(other).path("status").asText().equals("completed"));
        assertThat(cluster.query(query)).as("the read model equals its rebuild").isEqualTo(before);
        cluster.instance(runner).start();
    }

    private com.fasterxml.jackson.databind.JsonNode rebuildOf(ServerProcess instance) {
        return TestHttp.get(instance.url("/v1/admin/projections/builds"), fixtures.admin()).json().path("rebuild");
    }

    /** Processor name → owner ("pid@host") of each projection's token (sagas and rebuilds left out). */
    private Map<String, String> projectionOwners() {
        Map<String, String> owners = new java.util.TreeMap<>();
        for (Map<String, Object> row : cluster.query("SELECT processorname, owner FROM tokenentry "
                + "WHERE processorname NOT LIKE '%.rebuild' AND processorname NOT LIKE '%Saga%'")) {
            owners.put(row.get("processorname").toString(), String.valueOf(row.get("owner")));
        }
        return owners;
    }

    private boolean killSwitchOnOthers(int changedOn, boolean on) {
        for (int other = 1; other < Cluster.SIZE; other++) {
            Response answer = TestHttp.get(cluster.instance(changedOn + other).url("/v1/admin/system/mutations-disabled"),
                    fixtures.admin());
            if (answer.json().path("mutations_disabled").asBoolean() != on) {
                return false;
            }
        }
        return true;
    }

    private boolean adapterOnOthers(int changedOn, String gateUrl) {
        for (int other = 1; other < Cluster.SIZE; other++) {
            Response answer = TestHttp.get(cluster.instance(changedOn + other)
                    .url("/v1/admin/system/engine-adapters/main"), fixtures.admin());
            if (!gateUrl.equals(answer.json().path("config").path("gate_url").asText())) {
                return false;
            }
        }
        return true;
    }

    private boolean engineStatusOnOthers(int changedOn, String status) {
        for (int other = 1; other < Cluster.SIZE; other++) {
            Response answer = TestHttp.get(cluster.instance(changedOn + other).url("/v1/spinnaker/status"),
                    fixtures.admin());
            if (!status.equals(answer.json().path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    private void setRateLimits(int readRpm, int mutateRpm, int dailyBuilds) {
        Response changed = TestHttp.put(cluster.next().url("/v1/admin/system/rate-limits"), fixtures.admin(),
                Map.of("read_rpm", readRpm, "mutate_rpm", mutateRpm, "daily_quota_build_register", dailyBuilds));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }
}
