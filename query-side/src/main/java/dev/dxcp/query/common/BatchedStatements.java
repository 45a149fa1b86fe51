package dev.dxcp.query.common;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.BatchUpdateException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a projection's writes for the whole batch of events and sends each run of the same
 * statement as one JDBC batch just before the batch commits: one round trip per hundred events instead
 * of one per event, which is where replay speed comes from. Outside a unit of work a write goes out
 * at once. A failed batch is reported as the event whose write failed.
 */
public final class BatchedStatements {
    private final JdbcTemplate jdbc;
    private final String resourceKey;

    public BatchedStatements(JdbcTemplate jdbc, String name) {
        this.jdbc = jdbc;
        this.resourceKey = "dxcp.batched." + name;
    }

    public void add(EventMessage<?> event, String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            try {
                jdbc.update(sql, args);
            } catch (RuntimeException e) {
                throw ProjectionEventFailure.of(event, e);
            }
            return;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        Pending pending = unit.getOrComputeResource(resourceKey, key -> {
            Pending fresh = new Pending();
            unit.onPrepareCommit(u -> fresh.flush(jdbc));
            return fresh;
        });
        pending.add(event, sql, args);
    }

    private static final class Pending {
        private final List<Run> runs = new ArrayList<>();

        void add(EventMessage<?> event, String sql, Object[] values) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || !last.sql.equals(sql)) {
                last = new Run(sql);
                runs.add(last);
            }
            last.args.add(values);
            last.events.add(event);
        }

        void flush(JdbcTemplate jdbc) {
            for (Run run : runs) {
                try {
                    jdbc.batchUpdate(run.sql, run.args);
                } catch (RuntimeException e) {
                    throw ProjectionEventFailure.of(run.events.get(failedEntry(e, run.args.size())), e);
                }
            }
            runs.clear();
        }

        /** The driver reports how far the batch got; without that, the first event is named. */
        private static int failedEntry(Throwable error, int size) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof BatchUpdateException batch && batch.getUpdateCounts() != null) {
                    int[] counts = batch.getUpdateCounts();
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] == Statement.EXECUTE_FAILED) {
                            return i;
                        }
                    }
                    return Math.min(counts.length, size - 1);
                }
            }
            return 0;
        }
    }

    private static final class Run {
        final String sql;
        final List<Object[]> args = new ArrayList<>();
        final List<EventMessage<?>> events = new ArrayList<>();

        Run(String sql) {
            this.sql = sql;
        }
    }
}
