package dev.dxcp.server.metrics;

import dev.dxcp.events.operations.ProjectionMessages.ProcessorStatus;
import dev.dxcp.query.operations.ProcessorStatuses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Gauges read at scrape time: per-processor lag, position and failed flag, the event store head, and the
 * saga's in-flight deployments and scheduled steps. One snapshot of the processors serves a whole scrape;
 * while the database is unreachable the values are NaN rather than errors.
 */
public final class OperationalGauges {
    private static final long SNAPSHOT_MILLIS = 1_000;

    private final ProcessorStatuses statuses;
    private final JdbcTemplate jdbc;
    private volatile List<ProcessorStatus> snapshot = List.of();
    private volatile long snapshotAt;
    /** After a failed read, gauges answer NaN at once for a while instead of each waiting for a connection. */
    private volatile long unreachableUntil;

    public OperationalGauges(ProcessorStatuses statuses, JdbcTemplate jdbc) {
        this.statuses = statuses;
        this.jdbc = jdbc;
    }

    public void register(MeterRegistry registry, List<String> processorNames) {
        for (String name : processorNames) {
            processorGauge(registry, "dxcp.projection.lag", name, "Events the processor is behind the store head",
                    v -> v.lag());
            processorGauge(registry, "dxcp.projection.position", name, "Global index the processor has passed",
                    v -> v.position());
            processorGauge(registry, "dxcp.projection.failed", name, "1 while a segment is stopped at an event",
                    v -> v.state().equals("failed") ? 1 : 0);
        }
        Gauge.builder("dxcp.eventstore.head", this, g -> g.count("SELECT MAX(globalindex) FROM domainevententry"))
                .description("Newest global index in the event store").register(registry);
        Gauge.builder("dxcp.saga.in_flight", this, g -> g.count(
                        "SELECT COUNT(*) FROM sagaentry WHERE sagatype LIKE '%DeploymentExecutionSaga'"))
                .description("Deployments the engine saga is still following").register(registry);
        Gauge.builder("dxcp.saga.deadlines.scheduled", this, g -> g.count("SELECT COUNT(*) FROM scheduled_tasks"))
                .description("Persistent saga steps waiting to run").register(registry);
    }

    private void processorGauge(MeterRegistry registry, String metric, String name, String description,
                                ToDoubleFunction<ProcessorStatus> value) {
        Gauge.builder(metric, this, g -> g.view(name).map(value::applyAsDouble).orElse(Double.NaN))
                .tag("processor", name).description(description).register(registry);
    }

    private Optional<ProcessorStatus> view(String name) {
        long now = System.currentTimeMillis();
        if (now - snapshotAt > SNAPSHOT_MILLIS) {
            try {
                snapshot = reachable() ? statuses.all() : List.of();
            } catch (RuntimeException e) {
                snapshot = List.of();
                unreachableUntil = now + SNAPSHOT_MILLIS * 5;
            }
            snapshotAt = now;
        }
        return snapshot.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    private boolean reachable() {
        return System.currentTimeMillis() >= unreachableUntil;
    }

    private double count(String sql) {
        if (!reachable()) {
            return Double.NaN;
        }
        try {
            Long value = jdbc.queryForObject(sql, Long.class);
            return value == null ? 0 : value;
        } catch (RuntimeException e) {
            unreachableUntil = System.currentTimeMillis() + SNAPSHOT_MILLIS * 5;
            return Double.NaN;
        }
    }
}
