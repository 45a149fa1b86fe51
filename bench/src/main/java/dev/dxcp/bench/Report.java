package dev.dxcp.bench;

import dev.dxcp.bench.load.LatencySummary;
import dev.dxcp.bench.load.Numbers;
import dev.dxcp.bench.load.PhaseResult;
import dev.dxcp.bench.phase.InsertCeiling.Ceiling;
import dev.dxcp.bench.report.ResultTable;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Turns one run's results into the table and the report section of docs/PERFORMANCE.md. */
final class Report {
    static final double REGISTRATIONS_SINGLE_TARGET = 500;
    static final double REGISTRATIONS_SINGLE_P99_MILLIS = 10;
    static final double REGISTRATIONS_CONCURRENT_TARGET = 1_500;
    static final double REGISTRATIONS_CONCURRENT_P99_MILLIS = 50;
    static final double VALIDATE_TARGET = 2_000;
    static final double VALIDATE_P99_MILLIS = 25;
    static final double DEPLOYS_TARGET = 400;
    static final double READS_TARGET = 5_000;
    static final double READ_P99_MILLIS = 10;
    static final double LAG_P99_MILLIS = 100;
    static final double REBUILD_TARGET = 50_000;
    static final long RESIDENT_LIMIT_KIB = 384 * 1024;
    /** Above this one-minute load average before the run, the machine was not quiet. */
    static final double QUIET_LOAD = 0.5;

    private final Results r;

    Report(Results results) {
        this.r = results;
    }

    ResultTable table() {
        ResultTable table = new ResultTable();
        int c = RunProfile.CONCURRENCY;
        writes(table, "Build registrations, 1 client", r.registrationsSingle, REGISTRATIONS_SINGLE_TARGET,
                REGISTRATIONS_SINGLE_P99_MILLIS, r.ceilingSingle);
        writes(table, "Build registrations, " + c + " clients", r.registrationsConcurrent,
                REGISTRATIONS_CONCURRENT_TARGET, REGISTRATIONS_CONCURRENT_P99_MILLIS, r.ceilingConcurrent);
        embedded(table, "Build registrations on the embedded database (H2, synced before each answer), 1 client",
                r.embeddedRegistrationsSingle);
        embedded(table, "Build registrations on the embedded database, " + c + " clients",
                r.embeddedRegistrationsConcurrent);
        LatencySummary small = r.registrationsSingle.latency();
        LatencySummary large = r.largeRegistrations.latency();
        table.add("Build registrations of " + Numbers.count(r.profile.largeArtifactBytes()) + "-byte artifacts, 1 client",
                rate(r.largeRegistrations) + "; " + Numbers.millis(perRequestMillis(r.largeRegistrations))
                        + " per request, answered or refused (wall time / requests)",
                "p50 as small ones (" + Numbers.millis(small.p50Millis()) + ")",
                large.count() > 0 && large.p50Millis() <= 2 * Math.max(small.p50Millis(), 1), "");
        table.add("Deploy submissions, " + c + " clients into " + r.liveGroups + " groups", rate(r.deploys),
                "≥ 400/s", r.deploys.perSecond() >= DEPLOYS_TARGET, share(r.deploys.perSecond(), r.ceilingConcurrent));
        table.add("POST /v1/deployments/validate, " + c + " clients", rate(r.validate), "≥ 2,000/s, p99 ≤ 25 ms",
                r.validate.perSecond() >= VALIDATE_TARGET && r.validate.latency().p99Millis() <= VALIDATE_P99_MILLIS,
                "");
        String stuck = r.followedUnfinished == 0 ? "" : ", " + r.followedUnfinished + " more not ended";
        table.add("Deploy 201 → SUCCEEDED (zero-delay engine)", r.toSucceeded.text() + " (" + r.toSucceeded.count()
                + " followed" + stuck + "; all live deploys " + seconds(r.deployDrain.toNanos())
                + " after the last 201: " + states(r.deployEndStates) + "; at the end of the run: "
                + states(r.deployFinalStates) + ")");
        String records = Numbers.count(r.seededRecordsVisible) + " records";
        reads(table, "GET /v1/deployments/{id}, " + c + " clients, " + records, r.readById);
        table.add("GET /v1/deployments?service= (newest 200), " + c + " clients", rate(r.readByService), "", null, "");
        reads(table, "GET /v1/services/{service}/delivery-status, " + c + " clients", r.readDeliveryStatus);
        lag(table, "Projection lag under registration load: 201 → visible on GET /v1/builds", r.visibleAfter201,
                " (" + r.visibleOnFirstRead + " of " + r.lagProbed + " visible on the first read)");
        lag(table, "Projection lag: event stored → visible (upper bound)", r.visibleAfterStored, "");
        table.add("First projection of the seeded store (catch-up)", Numbers.count(r.catchUp.eventsPerSecond())
                + " events/s (" + Numbers.count(r.catchUp.events()) + " events in " + seconds(r.catchUp.nanos()) + ")",
                "", null, "");
        if (r.rebuild.available()) {
            table.add("Rebuild of every projection from " + Numbers.count(r.rebuild.events()) + " events",
                    Numbers.count(r.rebuild.eventsPerSecond()) + " events/s (" + seconds(r.rebuild.nanos())
                            + " wall; per projection " + r.rebuild.perProjection() + ")",
                    "≥ 50,000 events/s", r.rebuild.eventsPerSecond() >= REBUILD_TARGET, "");
        } else {
            table.add("Rebuild of every projection from " + Numbers.count(r.rebuild.events()) + " events",
                    "not available: " + r.rebuild.why(), "≥ 50,000 events/s", null, "");
        }
        table.add("Server resident memory at rest", Numbers.mebibytes(r.restResidentKib), "≤ 384 MiB",
                r.restResidentKib > 0 && r.restResidentKib <= RESIDENT_LIMIT_KIB, "");
        table.add("Server resident memory, peak during the run", Numbers.mebibytes(r.peakResidentKib), "≤ 384 MiB",
                r.peakResidentKib > 0 && r.peakResidentKib <= RESIDENT_LIMIT_KIB, "");
        ceiling(table, r.ceilingSingle);
        ceiling(table, r.ceilingConcurrent);
        return table;
    }

    private static void writes(ResultTable table, String measure, PhaseResult result, double target,
                               double p99Millis, Ceiling ceiling) {
        LatencySummary latency = result.latency();
        table.add(measure, rate(result), "≥ " + Numbers.count(target) + "/s, p99 ≤ " + Numbers.count(p99Millis)
                        + " ms", result.perSecond() >= target && latency.p99Millis() <= p99Millis,
                share(result.perSecond(), ceiling));
    }

    private static double perRequestMillis(PhaseResult result) {
        long requests = result.succeeded() + result.failed();
        return requests == 0 ? Double.NaN : result.wallNanos() / 1e6 / requests;
    }

    /** Embedded mode is for evaluation: no target, and PostgreSQL's ceiling does not apply. */
    private static void embedded(ResultTable table, String measure, PhaseResult result) {
        table.add(measure, rate(result), "", null, "");
    }

    private static void reads(ResultTable table, String measure, PhaseResult result) {
        table.add(measure, rate(result), "≥ 5,000/s, p99 ≤ 10 ms",
                result.perSecond() >= READS_TARGET && result.latency().p99Millis() <= READ_P99_MILLIS, "");
    }

    private static void lag(ResultTable table, String measure, LatencySummary lag, String note) {
        table.add(measure, lag.text() + note, "p99 ≤ 100 ms", lag.count() > 0 && lag.p99Millis() <= LAG_P99_MILLIS,
                "");
    }

    private static void ceiling(ResultTable table, Ceiling ceiling) {
        table.add("PostgreSQL single-row INSERT commits, " + ceiling.clients() + " client"
                        + (ceiling.clients() == 1 ? "" : "s") + " (pgbench)",
                Numbers.count(ceiling.transactionsPerSecond()) + "/s (average " + Numbers.millis(
                        ceiling.averageLatencyMillis()) + ")", "", null, "100%");
    }

    private static String rate(PhaseResult result) {
        String failures = result.failureText();
        return Numbers.count(result.perSecond()) + "/s (" + result.latency().text() + ")"
                + (failures.isEmpty() ? "" : " " + failures);
    }

    private static String share(double perSecond, Ceiling ceiling) {
        return Numbers.percent(perSecond / ceiling.transactionsPerSecond()) + " of "
                + Numbers.count(ceiling.transactionsPerSecond()) + "/s";
    }

    private static String states(Map<String, Long> states) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(states).forEach((state, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(state).append(' ').append(count));
        return text.length() == 0 ? "none" : text.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** The section of docs/PERFORMANCE.md between the bench markers. */
    String docSection(String table) {
        StringBuilder doc = new StringBuilder();
        doc.append("## Latest run\n\n");
        if (r.profile.label().equals("quick")) {
            doc.append("**A quick run** (small counts, for checking the harness): not the figures of record.\n\n");
        }
        double load = Double.parseDouble(r.loadBefore.split(" ")[0]);
        if (load > QUIET_LOAD) {
            doc.append("**The machine was busy** (load average ").append(r.loadBefore)
                    .append(" before the run): other work shared the cores, so every figure is low and noisy.\n\n");
        }
        doc.append("- Date: ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                r.startedAt.atOffset(ZoneOffset.UTC).withNano(0))).append(" UTC; the run took ")
                .append(r.took.toMinutes()).append(" min ").append(r.took.toSecondsPart()).append(" s\n");
        doc.append("- Command: `").append(r.command).append("` (").append(r.profile.label()).append(" run)\n");
        doc.append("- Machine: ").append(r.machine.text()).append("; load average before ").append(r.loadBefore)
                .append(", after ").append(r.loadAfter).append("\n");
        doc.append("- PostgreSQL ").append(r.postgresVersion).append(" (test-support's cluster: ")
                .append(r.postgresSettings).append(")\n");
        doc.append("- Server JVM: `").append(String.join(" ", r.serverJvmFlags)).append("`, `MALLOC_ARENA_MAX=")
                .append(System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2")).append("`; ")
                .append(r.serverSettingsNote).append("\n");
        doc.append("- Store: ").append(Numbers.count(r.seeded.events())).append(" seeded events (")
                .append(Numbers.count(r.profile.historyDeployments())).append(" past deployments and their builds over ")
                .append(r.profile.historyDays()).append(" days, ").append(r.historyServices)
                .append(" services; appended at ").append(Numbers.count(r.seeded.eventsPerSecond()))
                .append(" events/s), ").append(Numbers.count(r.storeEvents)).append(" events at the rebuild; ")
                .append(r.seedFidelity).append("\n\n");
        doc.append(table);
        return doc.toString();
    }
}
