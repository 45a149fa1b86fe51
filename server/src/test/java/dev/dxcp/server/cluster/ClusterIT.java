package dev.dxcp.server.cluster;

import dev.dxcp.server.deploy.DeployFiles;
import dev.dxcp.server.e2e.Parallel;
import dev.dxcp.server.process.LoadFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.server.process.ServerProcess;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
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
 * empty database; guardrails, limits, reads and settings across instances; a rolling restart under load;
 * then one crash under load (two instances SIGKILLed at once, {@link CrashUnderLoad}) whose outcomes the
 * last scenarios assert. Nothing is restarted after the crash: the cluster ends there. Each scenario
 * prints how long it took.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final int PARALLEL = 12;
    /** A rolling restart's clients pause after each deploy: steady load, not a flood that starves the restarting JVM. */
    private static final long THINK_MILLIS = 2_000;
    private Cluster cluster;
    private ClusterFixtures fixtures;
    private long startedAt;
    private long scenarioStartedAt;
    private CrashUnderLoad crash;
    /** Services in groups of their own: one place; a quota with 3 left; reads; the rolling restart; the crash. */
    private List<String> services;
    private Throwable crashFailed;

    @BeforeAll
    void startCluster() throws Exception {
        startedAt = System.nanoTime();
        cluster = Cluster.start();
        fixtures = new ClusterFixtures(cluster);
        System.out.println("cluster: three instances healthy " + cluster.startedIn.toMillis() + " ms after a "
                + "simultaneous start on an empty database");
        LoadFixtures.openForLoad(cluster.next(), Cluster.CI_PREFIX);
        services = fixtures.servicesInOwnGroups(List.of(
                Map.of("max_concurrent_deployments", 1, "daily_deploy_quota", 100),
                Map.of("max_concurrent_deployments", 50, "daily_deploy_quota", 3),
                Map.of("max_concurrent_deployments", 10, "daily_deploy_quota", 100),
                Map.of("max_concurrent_deployments", 50, "daily_deploy_quota", 2000),
                Map.of("max_concurrent_deployments", 5, "daily_deploy_quota", 100)));
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        System.out.println("cluster: scenarios took " + (System.nanoTime() - startedAt) / 1_000_000 + " ms");
    }

    @BeforeEach
    void startClock() {
        scenarioStartedAt = System.nanoTime();
    }

    @AfterEach
    void releaseHungExecutions(TestInfo scenario) {
        System.out.println("cluster: " + scenario.getDisplayName() + " took "
                + (System.nanoTime() - scenarioStartedAt) / 1_000_000 + " ms");
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
        String service = services.get(0);
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
        String service = services.get(1);
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
        RateWindowClock.awaitRoomInTheMinute(10);
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
        RateWindowClock.awaitRoomInTheMinute(10);
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
        String service = services.get(2);
        String ci = fixtures.ci("ryw");
        String admin = fixtures.admin();
        String owner = cluster.env.identity.ownerToken("cluster.reader@example.com");
        List<Long> writeMillis = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < Cluster.SIZE; i++) {
            String version = ClusterFixtures.uniqueVersion();
            long started = System.nanoTime();
            Response written = fixtures.register(cluster.instance(i), ci, UUID.randomUUID().toString(),
                    fixtures.buildBody(service, version));
            writeMillis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(written.status()).as(written.body()).isEqualTo(201);
            versions.add(version);
            for (int other = 1; other < Cluster.SIZE; other++) {
                Response listed = TestHttp.get(cluster.instance(i + other).url("/v1/services/" + service
                        + "/versions"), admin);
                assertThat(listed.body()).as("instance %d reads what instance %d answered",
                        Math.floorMod(i + other, Cluster.SIZE), Math.floorMod(i, Cluster.SIZE)).contains(version);
            }
        }
        for (int i = 0; i < Cluster.SIZE; i++) {
            long started = System.nanoTime();
            Response deployed = fixtures.deploy(cluster.instance(i), owner,
                    ClusterFixtures.intent(service, versions.get(i)));
            writeMillis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
            String id = deployed.json().path("id").asText();
            assertThat(TestHttp.get(cluster.instance(i + 1).url("/v1/deployments/" + id), admin).status()).isEqualTo(200);
            assertThat(TestHttp.get(cluster.instance(i + 2).url("/v1/deployments?service=" + service), admin)
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
     * Eight clients register and deploy through a round-robin client that retries connection errors and
     * 503s with the same key, while the three instances are stopped (SIGTERM: readiness DOWN, requests in
     * flight finish) and started again one after another. No answer is a 5xx other than 503, and every
     * acknowledged build and deployment is there afterwards.
     */
    @Test
    @Order(12)
    void aRollingRestartUnderLoadLosesNoAcknowledgedWriteAndAnswersNo5xxBut503() throws Exception {
        String service = services.get(3);
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
                    for (long paused = 0; paused < THINK_MILLIS && !stop.get(); paused += 100) {
                        ServerProcess.sleep(100);
                    }
                }
            }, "cluster-rolling-" + c);
            thread.start();
            clients.add(thread);
        }
        long started = System.nanoTime();
        ServerProcess.sleep(1_000);
        for (ServerProcess instance : cluster.instances) {
            instance.close();
            instance.start();
            ServerProcess.sleep(500);
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
     * A rebuild asked on one instance runs there; asked at once on the two others meanwhile, it answers 409
     * REBUILD_IN_PROGRESS, and the others show it running (the crash's first step, before the kill).
     */
    @Test
    @Order(13)
    void aRebuildRunsOnceInTheClusterAndARequestOnAnotherInstanceAnswersRebuildInProgress() throws Exception {
        CrashUnderLoad crash = crash();
        assertThat(crash.rebuildAsked.status()).as(crash.rebuildAsked.body()).isEqualTo(202);
        assertThat(crash.rebuildAskedElsewhere).hasSize(Cluster.SIZE - 1)
                .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(409))
                .allSatisfy(r -> assertThat(r.json().path("code").asText()).isEqualTo("REBUILD_IN_PROGRESS"));
        assertThat(crash.rebuildSeenElsewhere).as("seen from another instance").isEqualTo("rebuilding");
    }

    /**
     * Projections are claimed through the token table. SIGKILLed under a load of registrations, the
     * instance holding the most projections has them claimed by the survivors within 10 s; every
     * acknowledged registration is in the read model, which equals what a rebuild from the event store
     * makes of it (nothing skipped, nothing applied twice).
     */
    @Test
    @Order(14)
    void projectionsOfAKilledInstanceAreTakenOverWithinTenSecondsAndEqualTheirRebuild() throws Exception {
        CrashUnderLoad crash = crash();
        assertThat(crash.projectionsOfTheKilled).as("projections held by the killed %s in %s", crash.killed,
                crash.ownersBefore).isNotEmpty();
        assertThat(crash.takeoverMillis).as("taken over within 10 s: %s", crash.ownersAfter).isBetween(0L, 10_000L);
        assertThat(crash.acknowledged).as("the load ran").hasSizeGreaterThan(10);
        assertThat(crash.missing).as("acknowledged registrations missing from the read model").isEmpty();
        assertThat(crash.restartedRebuildStatus).isEqualTo("completed");
        assertThat(crash.rebuiltReadModel).as("the read model equals its rebuild").isEqualTo(crash.readModel);
    }

    /**
     * The saga's steps are db-scheduler tasks; the instance running one (picked_by) is SIGKILLed while
     * Gate holds its poll. Another instance picks the dead step up and carries the deployment to the end,
     * and Gate ran it once.
     */
    @Test
    @Order(15)
    void aDeploymentWhoseInstanceIsKilledMidExecutionFinishesOnAnotherWithOneGateExecution() throws Exception {
        CrashUnderLoad crash = crash();
        assertThat(crash.deploymentState).as("deployment %s after the kill of %s", crash.deploymentId,
                crash.sagaStepPickedBy).isEqualTo("SUCCEEDED");
        assertThat(crash.gateExecutions).as("Gate executions of " + crash.deploymentId).isEqualTo(1);
    }

    /**
     * Killing the instance that runs a rebuild leaves it visible: the survivors show it abandoned once its
     * claim is stale, and a new request on one of them runs it to the end.
     */
    @Test
    @Order(16)
    void aRebuildAbandonedByAKilledInstanceIsShownOnTheOthersAndRestartedThere() throws Exception {
        CrashUnderLoad crash = crash();
        assertThat(crash.abandonedMillis).as("shown abandoned within 30 s of the kill").isBetween(0L, 30_000L);
        assertThat(crash.rebuildRestarted.status()).as(crash.rebuildRestarted.body()).isEqualTo(202);
        assertThat(crash.restartedRebuildStatus).isEqualTo("completed");
    }

    /** The one crash the fault scenarios share, run by the first of them; a failed crash fails them all. */
    private CrashUnderLoad crash() throws Exception {
        if (crash == null && crashFailed == null) {
            try {
                crash = CrashUnderLoad.run(cluster, fixtures, services.get(4));
            } catch (Exception | AssertionError e) {
                crashFailed = e;
            }
        }
        if (crashFailed != null) {
            throw new AssertionError("the crash the fault scenarios share failed", crashFailed);
        }
        return crash;
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

    /**
     * Sets the limits on one instance and waits until every instance has them: a settings change reaches
     * the other instances within DXCP_SETTINGS_FOLLOW (decisions 150, 174), and the scenarios measure the
     * limits, not that delay (scenario 9 measures the delay).
     */
    private void setRateLimits(int readRpm, int mutateRpm, int dailyBuilds) {
        Response changed = TestHttp.put(cluster.next().url("/v1/admin/system/rate-limits"), fixtures.admin(),
                Map.of("read_rpm", readRpm, "mutate_rpm", mutateRpm, "daily_quota_build_register", dailyBuilds));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        long deadline = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < 3; i++) {
            while (!hasLimits(cluster.instance(i), readRpm, mutateRpm, dailyBuilds)) {
                assertThat(System.nanoTime()).as("instance %d has the new limits within 1 s", i).isLessThan(deadline);
                ServerProcess.sleep(20);
            }
        }
    }

    private boolean hasLimits(ServerProcess instance, int readRpm, int mutateRpm, int dailyBuilds) {
        JsonNode limits = TestHttp.get(instance.url("/v1/admin/system/rate-limits"), fixtures.admin()).json();
        return limits.path("read_rpm").asInt() == readRpm && limits.path("mutate_rpm").asInt() == mutateRpm
                && limits.path("daily_quota_build_register").asInt() == dailyBuilds;
    }
}
