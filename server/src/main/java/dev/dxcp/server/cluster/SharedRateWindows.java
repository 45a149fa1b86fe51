package dev.dxcp.server.cluster;

import dev.dxcp.server.http.RateWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Request counts in PostgreSQL, one row per actor, kind and minute, charged by every instance with one
 * atomic upsert (the row lock orders concurrent charges, so the n-th request sees n). Each charge
 * commits on its own, on a small pool of its own: the mutate charge happens inside a command's
 * transaction, and asking the command pool for a second connection there could starve it (decision 49).
 * A charge is one round trip, shared by the charges of the same counter waiting at that moment
 * ({@link CombinedCharges}); windows older than the previous minute are deleted once a minute.
 */
public class SharedRateWindows implements RateWindows, AutoCloseable {
    /** Admissions are remembered this long: a registration's second decision follows its measurement. */
    static final long ADMISSION_MINUTES = 60;
    private static final Logger log = LoggerFactory.getLogger(SharedRateWindows.class);
    private static final String CHARGE = """
            INSERT INTO rate_window (counter, window_minute, requests) VALUES (?, ?, ?)
            ON CONFLICT (counter, window_minute) DO UPDATE SET requests = rate_window.requests + EXCLUDED.requests
            RETURNING requests""";
    private static final String CHARGE_ADMISSION = """
            WITH admitted AS (
                INSERT INTO rate_admission (admission_id, window_minute) VALUES (?, ?)
                ON CONFLICT DO NOTHING RETURNING window_minute)
            INSERT INTO rate_window (counter, window_minute, requests) SELECT ?, window_minute, 1 FROM admitted
            ON CONFLICT (counter, window_minute) DO UPDATE SET requests = rate_window.requests + 1
            RETURNING requests""";

    private final JdbcTemplate jdbc;
    private final AutoCloseable pool;
    private final CombinedCharges combined = new CombinedCharges(this::add);
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dxcp-rate-windows-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    public SharedRateWindows(DataSource ownPool, AutoCloseable closePool) {
        this.jdbc = new JdbcTemplate(ownPool);
        this.pool = closePool;
        cleaner.scheduleWithFixedDelay(this::deleteOldWindows, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public int charge(String counter, long minute, String admissionId) {
        if (admissionId == null) {
            return combined.charge(counter, minute);
        }
        List<Integer> counts = jdbc.queryForList(CHARGE_ADMISSION, Integer.class, admissionId, minute, counter);
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private int add(CombinedCharges.Key key, int requests) {
        Integer count = jdbc.queryForObject(CHARGE, Integer.class, key.counter(), key.minute(), requests);
        return count == null ? requests : count;
    }

    void deleteOldWindows() {
        long minute = System.currentTimeMillis() / 60_000;
        combined.forgetBefore(minute - 1);
        try {
            jdbc.update("DELETE FROM rate_window WHERE window_minute < ?", minute - 1);
            jdbc.update("DELETE FROM rate_admission WHERE window_minute < ?", minute - ADMISSION_MINUTES);
        } catch (RuntimeException e) {
            // The next round tries again; old rows only cost space.
            log.warn("event=rate_window_cleanup_failed error=\"{}\"", e.getMessage());
        }
    }

    @Override
    public void close() throws Exception {
        cleaner.shutdownNow();
        pool.close();
    }
}
