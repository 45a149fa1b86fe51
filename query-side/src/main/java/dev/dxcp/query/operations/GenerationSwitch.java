package dev.dxcp.query.operations;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes a caught-up rebuild the active generation, in one transaction:
 * <ol>
 *   <li>lock the projection's rm_generation row: the live processor takes the same lock at the start of
 *       each batch, so it is now between batches and stays there;</li>
 *   <li>read how far the live processor got, and let the rebuild pass that point (it runs on);</li>
 *   <li>stop the rebuild and check it covers every event the live side handled: only then does nothing
 *       fall between the two;</li>
 *   <li>flip {@code active}, record the handover position, and point the views at the new tables.</li>
 * </ol>
 * The live processor's next batch sees the new generation and skips what the rebuild already wrote.
 * PostgreSQL replaces the views inside the transaction; H2 commits at the first DDL statement, after the
 * flip, so there readers may see the old tables a moment longer, never a half-written generation.
 */
class GenerationSwitch {
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StoredTokens tokens;
    private final Clock clock;

    GenerationSwitch(JdbcTemplate jdbc, TransactionTemplate transactions, StoredTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * @return the handover position when the switch committed; empty when the live side was ahead and the
     * rebuild must run on (the rebuild processor is then stopped and the caller starts it again)
     */
    Optional<Handover> trySwitch(RebuildableProjection projection, Generation target, TrackingEventProcessor rebuild) {
        return Optional.ofNullable(transactions.execute(status -> {
            jdbc.queryForObject("SELECT active FROM rm_generation WHERE projection = ? FOR UPDATE", Integer.class,
                    projection.name());
            List<Handover> live = tokens.of(projection.name()).stream().map(Coverage::of).toList();
            if (!awaitCovering(rebuild, live)) {
                return null;
            }
            rebuild.shutDown();
            List<Handover> rebuilt = tokens.of(projection.rebuildProcessorName()).stream().map(Coverage::of).toList();
            if (rebuilt.size() != 1 || !coversAll(rebuilt.get(0), live)) {
                return null;
            }
            Handover handover = rebuilt.get(0);
            jdbc.update("UPDATE rm_generation SET active = ?, handover_index = ?, handover_gaps = ?, switched_at = ? "
                            + "WHERE projection = ?", target.number(), handover.index(), handover.gapsText(),
                    java.time.OffsetDateTime.now(clock), projection.name());
            for (String table : projection.tables()) {
                jdbc.execute("CREATE OR REPLACE VIEW " + table + " AS SELECT * FROM " + target.table(table));
            }
            return handover;
        }));
    }

    private static boolean awaitCovering(TrackingEventProcessor rebuild, List<Handover> live) {
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Handover current = rebuild.processingStatus().values().stream().findFirst()
                    .map(EventTrackerStatus::getTrackingToken).map(Coverage::of).orElse(null);
            if (current != null && coversAll(current, live)) {
                return true;
            }
            LockSupport.parkNanos(5_000_000);
        }
        return false;
    }

    private static boolean coversAll(Handover rebuilt, List<Handover> live) {
        return live.stream().allMatch(rebuilt::coversAllOf);
    }
}
