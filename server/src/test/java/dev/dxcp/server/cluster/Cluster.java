package dev.dxcp.server.cluster;

import dev.dxcp.server.e2e.DxcpTestEnvironment;
import dev.dxcp.server.process.LoadFixtures;
import dev.dxcp.server.process.ProcessSettings;
import dev.dxcp.server.process.ServerProcess;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The topology of deploy/: one PostgreSQL database, one Gate (the standalone simulator, a process of its
 * own), one S3-compatible store (the test environment's) and three dxcp-server.jar processes, started at
 * the same moment on the empty database. Requests go round-robin over the instances, as a load balancer
 * sends them. Heaps are small, C1 only, and classes come from a class-data archive: the three JVMs share a
 * small machine with the database and the tests.
 */
final class Cluster implements AutoCloseable {
    static final int SIZE = 3;
    static final String CI_PREFIX = "cluster-";

    final DxcpTestEnvironment env = DxcpTestEnvironment.get();
    final String databaseUrl;
    final GateSimulatorProcess gate;
    final List<ServerProcess> instances = new ArrayList<>();
    final Duration startedIn;
    final ClassDataArchive archive;
    private final AtomicInteger turn = new AtomicInteger();

    private Cluster() {
        databaseUrl = env.postgres.createDatabase("cluster");
        gate = GateSimulatorProcess.start(800);
        gate.addPipelineConfig(LoadFixtures.parallelPipeline());
        Map<String, String> settings = ProcessSettings.forTestEnvironment(env, "cluster", databaseUrl,
                gate.baseUrl());
        settings.put("DXCP_ENGINE_FIRST_POLL", "100ms");
        settings.put("DXCP_ENGINE_MAX_POLL", "500ms");
        settings.put("DXCP_DB_POOL_SIZE", "10");
        settings.put("DXCP_SAGA_THREADS", "4");
        settings.put("DXCP_BLOCKING_THREADS", "32");
        List<String> options = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        Map<String, String> training = new java.util.HashMap<>(settings);
        training.put("DXCP_DB_URL", env.postgres.createDatabase("cluster_cds"));
        archive = ClassDataArchive.forServer(training, options);
        for (int i = 1; i <= SIZE; i++) {
            // The scheduler's name marks which instance picked a saga step (scheduled_tasks.picked_by).
            List<String> instanceOptions = new ArrayList<>(archive.jvmOptions(options));
            instanceOptions.add("-Ddb-scheduler.scheduler-name=" + schedulerName(i - 1));
            instances.add(new ServerProcess(settings, "cluster-" + i, instanceOptions, archive.jar()));
        }
        long started = System.nanoTime();
        startTogether(instances);
        startedIn = Duration.ofNanos(System.nanoTime() - started);
    }

    static Cluster start() {
        return new Cluster();
    }

    static String schedulerName(int index) {
        return "cluster-" + (index + 1);
    }

    /** Starts the processes at the same moment (one thread each, released by one latch) and waits until all are healthy. */
    static void startTogether(List<ServerProcess> processes) {
        ExecutorService pool = Executors.newFixedThreadPool(processes.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (ServerProcess process : processes) {
                started.add(pool.submit(() -> {
                    go.await();
                    return process.start();
                }));
            }
            go.countDown();
            for (Future<?> future : started) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the cluster did not start: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The next instance in round-robin order, as a load balancer picks it. */
    ServerProcess next() {
        return instances.get(Math.floorMod(turn.getAndIncrement(), SIZE));
    }

    ServerProcess instance(int index) {
        return instances.get(Math.floorMod(index, SIZE));
    }

    int indexOfPid(long pid) {
        for (int i = 0; i < SIZE; i++) {
            if (instances.get(i).isAlive() && instances.get(i).pid() == pid) {
                return i;
            }
        }
        return -1;
    }

    /** Rows of a query on the cluster's database, read as the test's own client. */
    List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = env.postgres.connect(databaseUrl);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (ServerProcess instance : instances) {
            instance.close();
        }
        gate.close();
    }
}
