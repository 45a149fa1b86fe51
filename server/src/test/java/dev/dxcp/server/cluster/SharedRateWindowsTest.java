package dev.dxcp.server.cluster;

import com.zaxxer.hikari.HikariDataSource;
import dev.dxcp.testsupport.postgres.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rate windows on PostgreSQL charged by many threads of two instances (two pools, as two servers have) at
 * once: every request gets a number of its own, the numbers are exactly 1..n, and the row holds n. The
 * combining of simultaneous charges is checked apart, with an adder that counts its calls.
 */
class SharedRateWindowsTest {
    private static final int THREADS = 16;
    private static final int CHARGES_PER_THREAD = 40;

    private final TestPostgres postgres = TestPostgres.shared();
    private String database;
    private final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeEach
    void database() {
        String url = postgres.createDatabase("ratewindows");
        database = url.substring(url.lastIndexOf('/') + 1);
        Flyway.configure().dataSource(pool(url)).locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void dropDatabase() {
        pools.forEach(HikariDataSource::close);
        postgres.dropDatabase(database);
    }

    private HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(postgres.user());
        pool.setPassword(postgres.password());
        pool.setMaximumPoolSize(4);
        pools.add(pool);
        return pool;
    }

    @Test
    void simultaneousChargesOnTwoInstances_eachGetADistinctNumber_andTheRowCountsThemAll() throws Exception {
        String url = postgres.jdbcUrl(database);
        HikariDataSource first = pool(url);
        HikariDataSource second = pool(url);
        try (SharedRateWindows one = new SharedRateWindows(first, () -> { });
             SharedRateWindows two = new SharedRateWindows(second, () -> { })) {
            long minute = System.currentTimeMillis() / 60_000;
            List<Integer> numbers = chargeAtOnce(THREADS, thread -> (thread % 2 == 0 ? one : two)
                    .charge("alice|READ", minute, null));

            int total = THREADS * CHARGES_PER_THREAD;
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
            assertThat(new JdbcTemplate(first).queryForObject(
                    "SELECT requests FROM rate_window WHERE counter = 'alice|READ' AND window_minute = ?",
                    Integer.class, minute)).isEqualTo(total);
            assertThat(one.charge("bob|READ", minute, null)).as("another counter starts at 1").isEqualTo(1);
        }
    }

    @Test
    void anAdmissionIsChargedOnce_howeverOftenItsDecisionRuns() throws Exception {
        String url = postgres.jdbcUrl(database);
        try (SharedRateWindows windows = new SharedRateWindows(pool(url), () -> { })) {
            long minute = System.currentTimeMillis() / 60_000;
            assertThat(windows.charge("alice|MUTATE", minute, "admission-1")).isEqualTo(1);
            assertThat(windows.charge("alice|MUTATE", minute, "admission-1")).isZero();
            assertThat(windows.charge("alice|MUTATE", minute, "admission-2")).isEqualTo(2);
            assertThat(windows.charge("alice|MUTATE", minute, null)).isEqualTo(3);
        }
    }

    @Test
    void chargesWaitingForTheSameCounter_goAsOneStatement_andAFailureReachesEveryOneOfThem() throws Exception {
        AtomicInteger statements = new AtomicInteger();
        AtomicInteger row = new AtomicInteger();
        CombinedCharges charges = new CombinedCharges((key, requests) -> {
            statements.incrementAndGet();
            sleep(3);
            return row.addAndGet(requests);
        });
        List<Integer> numbers = chargeAtOnce(THREADS, thread -> charges.charge("alice|READ", 7));

        int total = THREADS * CHARGES_PER_THREAD;
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(statements.get()).as("statements for %d charges", total).isLessThan(total / 4);

        charges.forgetBefore(8);
        assertThat(charges.turnsHeld()).isZero();
        CombinedCharges failing = new CombinedCharges((key, requests) -> {
            throw new IllegalStateException("database down");
        });
        assertThatThrownBy(() -> failing.charge("alice|READ", 7)).hasMessage("database down");
    }

    private interface Charge {
        int charge(int thread) throws Exception;
    }

    private static List<Integer> chargeAtOnce(int threads, Charge charge) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Integer> numbers = new ConcurrentLinkedQueue<>();
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Void> work = () -> {
                    start.await();
                    for (int i = 0; i < CHARGES_PER_THREAD; i++) {
                        numbers.add(charge.charge(thread));
                    }
                    return null;
                };
                done.add(pool.submit(work));
            }
            start.countDown();
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(numbers);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
