package dev.dxcp.query.operations;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.MetaKeys;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.operations.ProjectionMessages.ProjectionRebuildCompleted;
import dev.dxcp.events.operations.ProjectionMessages.ProjectionRebuildRequested;
import dev.dxcp.events.operations.ProjectionMessages.RebuildAllProjections;
import dev.dxcp.events.operations.ProjectionMessages.RebuildProjection;
import dev.dxcp.events.operations.ProjectionMessages.RebuildStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts rebuilds and remembers the latest one per projection. One rebuild per projection at a time on
 * this instance; each runs on its own thread. Requests and completions are events carrying the admin's
 * audit metadata, so the event store records who rebuilt what, when.
 */
public class ProjectionRebuilder {
    private final ProjectionCatalog catalog;
    private final JdbcTemplate jdbc;
    private final RebuildInfrastructure axon;
    private final GenerationSwitch generationSwitch;
    private final EventStoreHead head;
    private final EventBus eventBus;
    private final ExecutorService runner;
    private final Clock clock;
    private final Map<String, RebuildRun> latest = new ConcurrentHashMap<>();
    private final RebuildClaims claims;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dxcp-rebuild-claims");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionRebuilder(ProjectionCatalog catalog, JdbcTemplate jdbc, TransactionTemplate transactions,
                               StoredTokens tokens, RebuildInfrastructure axon, EventStoreHead head, EventBus eventBus,
                               ExecutorService runner, Clock clock) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.axon = axon;
        this.generationSwitch = new GenerationSwitch(jdbc, transactions, tokens, clock);
        this.head = head;
        this.eventBus = eventBus;
        this.runner = runner;
        this.clock = clock;
        this.claims = new RebuildClaims(jdbc, clock);
        // Other instances see a rebuild as running while this instance refreshes its claim, also while the
        // rebuild waits for the switch's lock; so the refresh has a thread of its own.
        heartbeats.scheduleWithFixedDelay(this::refreshClaims, RebuildClaims.HEARTBEAT.toMillis(),
                RebuildClaims.HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the claim refresh; Spring calls it on shutdown and when a start fails after this bean existed. */
    public void close() {
        heartbeats.shutdownNow();
    }

    private void refreshClaims() {
        latest.values().stream().filter(run -> !run.finished()).forEach(run -> {
            try {
                claims.heartbeat(run.projection());
            } catch (RuntimeException e) {
                // the next round tries again; a claim goes stale only after several missed rounds
            }
        });
    }

    /** Rebuilds are not blocked by the kill switch: repairing a read model changes no domain state. */
    @CommandHandler
    public RebuildStatus handle(RebuildProjection command, MetaData metaData) {
        return start(command.name(), audit(metaData)).snapshot();
    }

    /** Starts every rebuildable projection that is not already rebuilding; they run side by side. */
    @CommandHandler
    public List<RebuildStatus> handle(RebuildAllProjections command, MetaData metaData) {
        List<RebuildStatus> rebuilds = new ArrayList<>();
        for (RebuildableProjection projection : catalog.all()) {
            Optional<RebuildStatus> elsewhere = runningElsewhere(projection.name());
            if (elsewhere.isPresent()) {
                rebuilds.add(elsewhere.get());
                continue;
            }
            RebuildRun run = latest(projection.name()).filter(r -> !r.finished())
                    .orElseGet(() -> start(projection.name(), audit(metaData)));
            rebuilds.add(run.snapshot());
        }
        return rebuilds;
    }

    /** Who asked, in which role, under which request: the rebuild's events carry it (governance §14). */
    private static MetaData audit(MetaData metaData) {
        return metaData.subset(MetaKeys.PROPAGATED.toArray(String[]::new));
    }

    public synchronized RebuildRun start(String name, MetaData audit) {
        RebuildableProjection projection = catalog.find(name).orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND,
                "Projection not found or not rebuildable"));
        RebuildRun current = latest.get(name);
        if (current != null && !current.finished()) {
            throw new Rejection(ErrorCode.REBUILD_IN_PROGRESS, "A rebuild of this projection is already running");
        }
        if (!claims.claim(name)) {
            throw new Rejection(ErrorCode.REBUILD_IN_PROGRESS,
                    "A rebuild of this projection is already running on another instance");
        }
        Generation active = activeGeneration(name);
        RebuildRun run = new RebuildRun(name, active.number(), active.other().number(), clock.instant(),
                head.current());
        latest.put(name, run);
        eventBus.publish(GenericEventMessage.asEventMessage(new ProjectionRebuildRequested(name, active.number(),
                run.targetGeneration(), run.headAtStart(), run.startedAt())).andMetaData(audit));
        runner.submit(new RebuildProcess(projection, run, axon, jdbc, generationSwitch, head, clock, claims,
                done -> eventBus.publish(GenericEventMessage.asEventMessage(new ProjectionRebuildCompleted(name,
                        done.targetGeneration(), done.handoverIndex(),
                        Duration.between(done.startedAt(), done.completedAt()).toMillis(), done.completedAt()))
                        .andMetaData(audit))));
        return run;
    }

    public Optional<RebuildRun> latest(String name) {
        return Optional.ofNullable(latest.get(name));
    }

    /**
     * What an admin sees of a projection's rebuild on this instance: the one running here, else one another
     * instance holds ({@code rebuilding}, or {@code abandoned} when that instance stopped refreshing its
     * claim: a new request takes it over), else the last one run here.
     */
    public Optional<RebuildStatus> status(String name) {
        RebuildRun local = latest.get(name);
        if (local != null && !local.finished()) {
            return Optional.of(local.snapshot());
        }
        return runningElsewhere(name).or(() -> Optional.ofNullable(local).map(RebuildRun::snapshot));
    }

    private Optional<RebuildStatus> runningElsewhere(String name) {
        return claims.elsewhere(name).map(claim -> {
            Generation active = activeGeneration(name);
            return new RebuildStatus(name, claim.abandoned() ? "abandoned" : "rebuilding", active.number(),
                    active.other().number(), claim.startedAt(), null, -1, -1, 0, 0, null);
        });
    }

    public Generation activeGeneration(String name) {
        return jdbc.query("SELECT active FROM rm_generation WHERE projection = ?",
                (rs, i) -> new Generation(rs.getInt(1)), name).stream().findFirst()
                .orElse(new Generation(Generation.FIRST));
    }
}
