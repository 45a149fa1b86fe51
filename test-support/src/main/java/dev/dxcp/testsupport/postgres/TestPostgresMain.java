package dev.dxcp.testsupport.postgres;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a standalone test PostgreSQL for scripts (the benchmark): prints the JDBC URL as the first
 * line on stdout and stays up until the process is terminated, when it shuts the server down.
 *
 * <pre>java -cp ... dev.dxcp.testsupport.postgres.TestPostgresMain [--port 55432] [--data-dir DIR]</pre>
 *
 * Without --data-dir the data is thrown away on exit; with it, the directory is created or reused.
 */
public final class TestPostgresMain {

    private TestPostgresMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                default -> usage("unknown option " + args[i]);
            }
        }
        TestPostgres postgres = TestPostgres.startLocal(port, dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.destroy();
            stopped.countDown();
        }, "dxcp-test-postgres-stop"));
        System.out.println(postgres.adminJdbcUrl());
        System.out.println("user=" + postgres.user() + " password=" + postgres.password());
        System.out.flush();
        System.err.println("Test PostgreSQL up (" + postgres.description() + "); terminate this process to stop it.");
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            usage(option + " needs a value");
        }
        return args[index];
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: TestPostgresMain [--port N] [--data-dir DIR]");
        System.exit(2);
    }
}
