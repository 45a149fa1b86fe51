package dev.dxcp.bench;

import dev.dxcp.bench.load.LoadRunner;
import dev.dxcp.bench.load.Numbers;
import dev.dxcp.bench.load.PhaseResult;
import dev.dxcp.bench.phase.Build;
import dev.dxcp.bench.phase.DeploymentPhase;
import dev.dxcp.bench.phase.InsertCeiling;
import dev.dxcp.bench.phase.LargeArtifactPhase;
import dev.dxcp.bench.phase.ProjectionCatchUp;
import dev.dxcp.bench.phase.ProjectionLagProbe;
import dev.dxcp.bench.phase.ReadPhase;
import dev.dxcp.bench.phase.RebuildPhase;
import dev.dxcp.bench.phase.RegistrationPhase;
import dev.dxcp.bench.phase.SeedFidelityCheck;
import dev.dxcp.bench.phase.SucceededTracker;
import dev.dxcp.bench.phase.ValidatePhase;
import dev.dxcp.bench.rig.ArtifactBucket;
import dev.dxcp.bench.rig.Cleanup;
import dev.dxcp.bench.rig.DxcpServerProcess;
import dev.dxcp.bench.rig.GateSimulatorProcess;
import dev.dxcp.bench.rig.Identities;
import dev.dxcp.bench.rig.PostgresProcess;
import dev.dxcp.bench.rig.ScratchSpace;
import dev.dxcp.bench.seed.HistoryPlan;
import dev.dxcp.bench.seed.HistorySeeder;
import dev.dxcp.bench.seed.ProcessorTokens;
import dev.dxcp.bench.setup.BenchConfiguration;
import dev.dxcp.bench.setup.ServiceRegistryFile;
import dev.dxcp.bench.setup.Topology;
import dev.dxcp.bench.report.MachineFacts;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run, in order: PostgreSQL, issuer, S3, Gate simulator and the server; admin setup; the seeded past
 * (server stopped, then restarted to project it); registrations, deploys and reads over HTTP; a rebuild;
 * registrations against a second server on the embedded database; finally PostgreSQL's own insert ceiling
 * with everything else stopped. Every child is stopped at the end,
 * also when the run fails or is interrupted.
 */
final class Benchmark {
    static final String DATABASE = "dxcp";
    private static final Set<String> IN_FLIGHT = Set.of("PENDING", "ACTIVE", "IN_PROGRESS");
    /** With a zero-delay engine every deployment ends within seconds; what is still running then is stuck. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    private final RunProfile profile;
    private final BenchSettings settings;
    private final Results results = new Results();
    private final Cleanup cleanup = new Cleanup();
    private PostgresProcess postgres;
    private Identities identities;
    private DxcpServerProcess server;
    private Map<String, String> serverEnvironment;
    private int serverStarts;
    private ArtifactBucket bucket;
    private Topology topology;
    private ScratchSpace scratch;

    Benchmark(RunProfile profile, BenchSettings settings) {
        this.profile = profile;
        this.settings = settings;
    }

    Results run() throws SQLException {
        results.profile = profile;
        results.startedAt = Instant.now();
        results.command = settings.command();
        results.machine = MachineFacts.current();
        results.loadBefore = MachineFacts.loadAverage();
        results.serverJvmFlags = settings.serverJvmFlags();
        long start = System.nanoTime();
        try {
            startRig();
            seedHistory();
            measureWrites();
            measureReads();
            checkSeedFidelity();
            recordFinalDeployStates();
            measureRebuild();
            stopServer();
            measureEmbeddedRegistrations();
            measureInsertCeiling();
        } finally {
            results.loadAfter = MachineFacts.loadAverage();
            cleanup.runAll();
        }
        results.took = Duration.ofNanos(System.nanoTime() - start);
        return results;
    }

    private void startRig() throws SQLException {
        scratch = cleanup.add("scratch directory", ScratchSpace.create());
        say("starting PostgreSQL");
        postgres = cleanup.add("PostgreSQL", PostgresProcess.start(settings.logDir()));
        postgres.createDatabase(DATABASE);
        describePostgres();
        identities = cleanup.add("token issuer", Identities.start(profile.ciActors(), profile.owners(),
                profile.observers()));
        bucket = cleanup.add("S3 store", ArtifactBucket.start(scratch.dir("s3")));
        say("starting the Gate simulator");
        GateSimulatorProcess gate = cleanup.add("Gate simulator", GateSimulatorProcess.start(settings.gateJar(),
                settings.logDir()));
        BenchConfiguration.addPipeline(gate);
        topology = topology();
        results.liveGroups = topology.live().size();
        results.historyServices = topology.historyServices().size();
        serverEnvironment = new HashMap<>();
        // As bin/dxcp-server sets it (unless the caller's environment says otherwise): part of the memory figure.
        serverEnvironment.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        serverEnvironment.put("DXCP_DB_URL", postgres.jdbcUrl(DATABASE));
        serverEnvironment.put("DXCP_DB_USER", postgres.user());
        serverEnvironment.put("DXCP_DB_PASSWORD", postgres.password());
        serverEnvironment.put("DXCP_DATA_DIR", scratch.dir("server-data").toString());
        serverEnvironment.put("DXCP_SERVICE_REGISTRY_FILE",
                ServiceRegistryFile.write(scratch.dir("config"), topology).toString());
        serverEnvironment.put("DXCP_CI_PUBLISHERS", identities.ciPublishersJson());
        serverEnvironment.put("DXCP_GATE_URL", gate.baseUrl());
        serverEnvironment.put("DXCP_DEMO_MODE", "false");
        serverEnvironment.putAll(identities.serverSettings());
        serverEnvironment.putAll(bucket.serverSettings());
        // Above the 200 MiB default, so that the large-artifact registrations are allowed (domain §13).
        serverEnvironment.put("DXCP_ARTIFACT_MAX_BYTES", String.valueOf(profile.largeArtifactBytes() + 1));
        results.serverSettingsNote = "DXCP_* defaults except database, issuer, S3, Gate, registry, CI allowlist "
                + "and DXCP_ARTIFACT_MAX_BYTES";
        startServer();
        say("configuring the server: rate limits, recipe, " + topology.allGroups().size() + " delivery groups");
        new BenchConfiguration(server, identities).apply(topology);
        sleep(Duration.ofSeconds(5));
        results.restResidentKib = server.residentKib();
    }

    private Topology topology() {
        return Topology.of(profile.liveGroups(), profile.historyGroups(), profile.servicesPerHistoryGroup());
    }

    /** Stops the server, appends the past straight to the event store, and lets the restarted server project it. */
    private void seedHistory() throws SQLException {
        long headBefore;
        try (Connection connection = postgres.connect(DATABASE)) {
            headBefore = ProcessorTokens.head(connection);
        }
        stopServer();
        HistoryPlan plan = new HistoryPlan(topology, profile.historyDeployments(), profile.historyDays(),
                Instant.now().minus(Duration.ofHours(1)), 20, 12, 24, "http://gate.bench.invalid", 6L);
        say("seeding " + plan.deployments() + " past deployments with their builds (" + plan.events() + " events)");
        results.seeded = HistorySeeder.seed(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password(), plan);
        try (Connection connection = postgres.connect(DATABASE)) {
            ProcessorTokens.advanceSagasTo(connection, results.seeded.headAfter());
        }
        startServer();
        say("waiting for the projections to take in the seeded past");
        try (Connection connection = postgres.connect(DATABASE)) {
            results.catchUp = ProjectionCatchUp.await(connection, headBefore, results.seeded.headAfter(),
                    Duration.ofMinutes(30));
            results.seededRecordsVisible = count(connection, "SELECT COUNT(*) FROM rm_deployment WHERE "
                    + "delivery_group_id LIKE '" + Topology.HISTORY_PREFIX + "%'");
        }
    }

    private void measureWrites() throws SQLException {
        LoadRunner load = new LoadRunner("127.0.0.1", server.port());
        List<Build> warmUp = uploadedBuilds(9, profile.registrationWarmUp());
        List<Build> single = uploadedBuilds(10, profile.registrationsSingle());
        List<Build> concurrent = uploadedBuilds(11, profile.registrationsConcurrent());

        RegistrationPhase registrations = new RegistrationPhase(load, identities);
        say("registrations: warm-up");
        registrations.run("registrations warm-up", RunProfile.CONCURRENCY, warmUp, profile.writeLimit(), null);
        say("registrations at concurrency 1");
        results.registrationsSingle = registrations.run("registrations c1", 1, single, profile.writeLimit(), null);
        say("registrations at concurrency " + RunProfile.CONCURRENCY + ", with the projection lag probe");
        ProjectionLagProbe probe = new ProjectionLagProbe("127.0.0.1", server.port(), identities.observer(0, 1, 0));
        try {
            results.registrationsConcurrent = registrations.run("registrations c16", RunProfile.CONCURRENCY,
                    concurrent, profile.writeLimit(), probe);
        } finally {
            probe.close();
        }
        results.visibleAfter201 = probe.after201();
        results.lagProbed = probe.probed();
        results.visibleOnFirstRead = probe.visibleOnFirstRead();
        try (Connection connection = postgres.connect(DATABASE)) {
            results.visibleAfterStored = probe.afterEventStored(connection);
        }
        report(results.registrationsSingle);
        report(results.registrationsConcurrent);

        List<Build> large = Build.batch(topology.liveServices(), 12, profile.largeRegistrations());
        say("uploading " + large.size() + " artifacts of " + Numbers.count(profile.largeArtifactBytes()) + " bytes");
        bucket.publishLarge(large.stream().map(b -> Map.entry(b.service(), b.version())).toList(),
                profile.largeArtifactBytes(), scratch.dir("large"));
        say("registrations of large artifacts, 1 client");
        results.largeRegistrations = report(new LargeArtifactPhase(load, identities).run(large, profile.writeLimit()));

        List<Build> deployable = DeploymentPhase.interleaved(registrations.registered());
        int warm = Math.min(profile.deployWarmUp(), deployable.size());
        int measured = Math.min(profile.deploys(), deployable.size() - warm);
        DeploymentPhase deployments = new DeploymentPhase(load, identities);
        say("deploys: warm-up");
        deployments.run("deploys warm-up", RunProfile.CONCURRENCY, deployable.subList(0, warm), profile.writeLimit(),
                null);
        say("deploys at concurrency " + RunProfile.CONCURRENCY + " into " + topology.live().size() + " groups");
        SucceededTracker tracker = new SucceededTracker("127.0.0.1", server.port(), identities.observer(1, 2, 0), 4);
        try {
            results.deploys = deployments.run("deploys c16", RunProfile.CONCURRENCY,
                    deployable.subList(warm, warm + measured), profile.writeLimit(), tracker);
            long drainStart = System.nanoTime();
            results.deployEndStates = awaitLiveDeploymentsEnded(DRAIN_LIMIT);
            results.deployDrain = Duration.ofNanos(System.nanoTime() - drainStart);
        } finally {
            tracker.close();
        }
        results.toSucceeded = tracker.toSucceeded();
        results.followedUnfinished = tracker.unfinished();
        report(results.deploys);

        say("validate at concurrency " + RunProfile.CONCURRENCY);
        results.validate = report(new ValidatePhase(load, identities, registrations.registered())
                .run(RunProfile.CONCURRENCY, profile.readWarmUp(), profile.readDuration()));
    }

    /** {@code count} new builds of the live services, versions {@code <major>.x.y}, their artifacts uploaded. */
    private List<Build> uploadedBuilds(int major, int count) {
        List<Build> builds = Build.batch(topology.liveServices(), major, count);
        say("uploading " + builds.size() + " artifacts");
        bucket.publish(builds.stream().map(b -> Map.entry(b.service(), b.version())).toList());
        return builds;
    }

    /** Waits until no live deployment is in flight; answers the count of records in each end state. */
    private Map<String, Long> awaitLiveDeploymentsEnded(Duration limit) throws SQLException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection connection = postgres.connect(DATABASE)) {
            while (true) {
                Map<String, Long> states = new HashMap<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT state, COUNT(*) FROM rm_deployment WHERE "
                             + "delivery_group_id LIKE '" + Topology.LIVE_PREFIX + "%' GROUP BY state")) {
                    while (rs.next()) {
                        states.put(rs.getString(1), rs.getLong(2));
                    }
                }
                boolean inFlight = states.keySet().stream().anyMatch(IN_FLIGHT::contains);
                if (!inFlight || System.nanoTime() > deadline) {
                    return states;
                }
                sleep(Duration.ofMillis(200));
            }
        }
    }

    private void measureReads() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id FROM rm_deployment WHERE delivery_group_id LIKE '"
                     + Topology.HISTORY_PREFIX + "%' ORDER BY id LIMIT 20000")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        ReadPhase reads = new ReadPhase(new LoadRunner("127.0.0.1", server.port()), identities, ids,
                topology.historyServices());
        int c = RunProfile.CONCURRENCY;
        say("reads: deployment by id");
        results.readById = report(reads.deploymentById(c, profile.readWarmUp(), profile.readDuration()));
        say("reads: deployments of a service");
        results.readByService = report(reads.deploymentsOfService(c, profile.readWarmUp(), profile.readDuration()));
        say("reads: delivery status");
        results.readDeliveryStatus = report(reads.deliveryStatus(c, profile.readWarmUp(), profile.readDuration()));
    }

    private void checkSeedFidelity() {
        say("checking the server accepts the seeded streams as its own");
        results.seedFidelity = new SeedFidelityCheck(server, identities).run(results.seeded.sampleBuild());
        say("  " + results.seedFidelity);
    }

    private void recordFinalDeployStates() throws SQLException {
        results.deployFinalStates = awaitLiveDeploymentsEnded(Duration.ZERO);
    }

    private void measureRebuild() throws SQLException {
        try (Connection connection = postgres.connect(DATABASE)) {
            results.storeEvents = ProcessorTokens.count(connection);
        }
        say("rebuilding every projection from " + results.storeEvents + " events");
        results.rebuild = new RebuildPhase(server, identities.admin()).run(results.storeEvents);
        say(results.rebuild.available() ? "rebuild took " + results.rebuild.nanos() / 1_000_000 + " ms"
                : "rebuild not available: " + results.rebuild.why());
    }

    /**
     * The same registrations against a server on the embedded database (no DXCP_DB_URL: H2 under its data
     * directory), where every answer to a write waits until the file is synced to disk. PostgreSQL is idle.
     */
    private void measureEmbeddedRegistrations() {
        Map<String, String> environment = new HashMap<>(serverEnvironment);
        environment.remove("DXCP_DB_URL");
        environment.remove("DXCP_DB_USER");
        environment.remove("DXCP_DB_PASSWORD");
        environment.put("DXCP_DATA_DIR", scratch.dir("embedded-server-data").toString());
        serverStarts++;
        say("starting a server on the embedded database");
        DxcpServerProcess embedded = cleanup.add("DXCP server (embedded database)", DxcpServerProcess.start(
                settings.serverJar(), settings.serverJvmFlags(), null, environment,
                settings.logDir().resolve("server-" + serverStarts + "-embedded.log")));
        try {
            new BenchConfiguration(embedded, identities).openRateLimits();
            List<Build> warmUp = uploadedBuilds(12, profile.registrationWarmUp());
            List<Build> single = uploadedBuilds(13, profile.registrationsSingle());
            List<Build> concurrent = uploadedBuilds(14, profile.registrationsConcurrent());
            RegistrationPhase registrations = new RegistrationPhase(new LoadRunner("127.0.0.1", embedded.port()),
                    identities);
            say("embedded database: registrations warm-up");
            registrations.run("embedded registrations warm-up", RunProfile.CONCURRENCY, warmUp,
                    profile.writeLimit(), null);
            say("embedded database: registrations at concurrency 1");
            results.embeddedRegistrationsSingle = report(registrations.run("embedded registrations c1", 1, single,
                    profile.writeLimit(), null));
            say("embedded database: registrations at concurrency " + RunProfile.CONCURRENCY);
            results.embeddedRegistrationsConcurrent = report(registrations.run("embedded registrations c16",
                    RunProfile.CONCURRENCY, concurrent, profile.writeLimit(), null));
        } finally {
            cleanup.closeNow(embedded);
        }
    }

    private void measureInsertCeiling() {
        say("PostgreSQL's own single-row insert rate (pgbench)");
        InsertCeiling ceiling = new InsertCeiling(postgres, settings.logDir());
        ceiling.prepare();
        results.ceilingSingle = ceiling.measure(1, profile.insertCeilingDuration());
        results.ceilingConcurrent = ceiling.measure(RunProfile.CONCURRENCY, profile.insertCeilingDuration());
    }

    private void startServer() {
        serverStarts++;
        Path jfr = settings.jfr() ? settings.logDir().resolve("server-" + serverStarts + ".jfr") : null;
        say("starting the server (" + String.join(" ", settings.serverJvmFlags()) + ")");
        server = cleanup.add("DXCP server", DxcpServerProcess.start(settings.serverJar(), settings.serverJvmFlags(),
                jfr, serverEnvironment, settings.logDir().resolve("server-" + serverStarts + ".log")));
    }

    private void stopServer() {
        if (server == null) {
            return;
        }
        results.peakResidentKib = Math.max(results.peakResidentKib, server.peakResidentKib());
        cleanup.closeNow(server);
        server = null;
    }

    private void describePostgres() throws SQLException {
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SHOW server_version")) {
                rs.next();
                results.postgresVersion = rs.getString(1);
            }
            List<String> facts = new ArrayList<>();
            for (String setting : List.of("synchronous_commit", "fsync", "full_page_writes", "shared_buffers")) {
                try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
                    rs.next();
                    facts.add(setting + "=" + rs.getString(1));
                }
            }
            results.postgresSettings = String.join(", ", facts);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PhaseResult report(PhaseResult result) {
        say(String.format("  %s: %s/s, %s %s", result.name(), Numbers.count(result.perSecond()),
                result.latency().text(), result.failureText()));
        result.failureSamples().forEach(sample -> say("    e.g. " + sample));
        return result;
    }

    static void say(String line) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + line);
        System.out.flush();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
