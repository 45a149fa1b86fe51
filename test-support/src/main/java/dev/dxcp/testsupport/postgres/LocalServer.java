package dev.dxcp.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL server run from the locally installed binaries: initdb into a scratch directory,
 * then {@code pg_ctl -w start} on a loopback port. Used where there is no Docker (this project's
 * dev machines and CI).
 */
final class LocalServer implements PostgresServer {

    private static final System.Logger LOG = System.getLogger(LocalServer.class.getName());
    private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(90);
    private static final int BIND_ATTEMPTS = 3;

    private final Path binDir;
    private final ServerOsUser osUser;
    private final ScratchDir scratch;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final Path socketDir;
    private final Path logFile;
    private int port;

    private LocalServer(Path binDir, ServerOsUser osUser, ScratchDir scratch, Path dataDir, boolean ownsDataDir) {
        this.binDir = binDir;
        this.osUser = osUser;
        this.scratch = scratch;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.socketDir = scratch.root().resolve("run");
        this.logFile = scratch.root().resolve("server.log");
    }

    /**
     * @param fixedPort   port to listen on, or 0 for a free one
     * @param keptDataDir data directory to reuse or create and keep, or null for a throw-away one
     */
    static LocalServer provision(Path binDir, int fixedPort, Path keptDataDirOrNull) {
        Path keptDataDir = keptDataDirOrNull == null ? null : keptDataDirOrNull.toAbsolutePath().normalize();
        ScratchDir scratch = ScratchDir.create(keptDataDir, keptDataDir == null);
        ServerOsUser osUser = ServerOsUser.forProcessOwning(scratch.root());
        osUser.handOver(scratch.root());
        LeftoverServers.reap(binDir, osUser);
        Path dataDir = keptDataDir == null ? scratch.root().resolve("data") : keptDataDir;
        LocalServer server = new LocalServer(binDir, osUser, scratch, dataDir, keptDataDir == null);
        try {
            server.prepareDirectories();
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                server.initdb();
            }
            server.startOnPort(fixedPort);
            return server;
        } catch (RuntimeException e) {
            server.destroy();
            throw e;
        }
    }

    private void prepareDirectories() {
        try {
            Files.createDirectories(socketDir);
            osUser.handOver(socketDir);
            if (!Files.exists(dataDir)) {
                Files.createDirectories(dataDir);
            }
            osUser.handOver(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare directories for the test PostgreSQL", e);
        }
    }

    private void initdb() {
        Path passwordFile = scratch.root().resolve("initdb.pw");
        try {
            Files.writeString(passwordFile, TestSettings.ROLE_PASSWORD + "\n");
            osUser.handOver(passwordFile);
            // The bootstrap superuser is dxcp itself; password auth on TCP, trust only on the private socket.
            osUser.run(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", TestSettings.ROLE,
                            "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C",
                            "--auth-local=trust", "--auth-host=md5", "--no-sync"),
                    scratch.root(), PG_CTL_TIMEOUT).requireSuccess();
            List<String> conf = new ArrayList<>();
            conf.add("");
            conf.add("# TEST-ONLY settings written by DXCP test-support: fast, not crash safe.");
            TestSettings.SPEED_OVER_DURABILITY.forEach(conf::add);
            Files.write(dataDir.resolve("postgresql.conf"), conf, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write initdb inputs", e);
        } finally {
            ScratchDir.deleteRecursively(passwordFile);
        }
    }

    private void startOnPort(int fixedPort) {
        for (int attempt = 1; ; attempt++) {
            port = fixedPort > 0 ? fixedPort : FreePorts.pick();
            ProcessResult result = pgCtlStart();
            if (result.succeeded()) {
                return;
            }
            // Another process may grab a "free" port between picking and binding: try a new one.
            if (fixedPort > 0 || attempt >= BIND_ATTEMPTS || !logTail().contains("could not bind")) {
                throw new IllegalStateException("pg_ctl could not start PostgreSQL on 127.0.0.1:" + port
                        + "\n" + result.stderr() + "\n--- server log ---\n" + logTail());
            }
        }
    }

    private ProcessResult pgCtlStart() {
        // Port, address and socket dir are start options rather than config so a kept data dir can move port.
        String serverOptions = "-p " + port + " -h 127.0.0.1 -k " + Commands.shellQuote(socketDir.toString());
        return osUser.run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", logFile.toString(),
                "-o", serverOptions, "-w", "-t", Long.toString(PG_CTL_TIMEOUT.toSeconds()), "start"),
                scratch.root(), PG_CTL_TIMEOUT.plusSeconds(10));
    }

    private String logTail() {
        try {
            String log = Files.exists(logFile) ? Files.readString(logFile) : "";
            return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
        } catch (IOException e) {
            return "(server log unreadable: " + e + ")";
        }
    }

    private String bin(String program) {
        return binDir.resolve(program).toString();
    }

    Path binDir() {
        return binDir;
    }

    Path dataDir() {
        return dataDir;
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public String description() {
        return "local PostgreSQL from " + binDir + " (data " + dataDir + ", log " + logFile
                + (osUser.switchesUser() ? ", run as OS user postgres" : "") + ")";
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return TestSettings.ROLE;
    }

    @Override
    public String password() {
        return TestSettings.ROLE_PASSWORD;
    }

    @Override
    public String adminDatabase() {
        return TestSettings.ADMIN_DATABASE;
    }

    @Override
    public void stop() {
        osUser.run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w",
                "-t", Long.toString(PG_CTL_TIMEOUT.toSeconds()), "stop"), scratch.root(), PG_CTL_TIMEOUT.plusSeconds(10))
                .requireSuccess();
    }

    @Override
    public void start() {
        ProcessResult result = pgCtlStart();
        if (!result.succeeded()) {
            throw new IllegalStateException("pg_ctl could not restart PostgreSQL on port " + port + "\n"
                    + result.stderr() + "\n--- server log ---\n" + logTail());
        }
    }

    @Override
    public boolean isRunning() {
        // pg_ctl status: 0 = running, 3 = not running, 4 = no data directory.
        return osUser.run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "status"), scratch.root(),
                Duration.ofSeconds(20)).succeeded();
    }

    @Override
    public ProcessResult pgbench(List<String> args) {
        List<String> command = new ArrayList<>(List.of(bin("pgbench"), "-h", host(), "-p", Integer.toString(port),
                "-U", user()));
        command.addAll(args);
        return Commands.run(command, null, Map.of("PGPASSWORD", password()), Duration.ofHours(1));
    }

    @Override
    public void destroy() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            // A throw-away cluster needs no clean shutdown; a kept one gets a checkpoint.
            String mode = ownsDataDir ? "immediate" : "fast";
            osUser.run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", mode, "-w", "-t", "30", "stop"),
                    scratch.root(), Duration.ofSeconds(40));
        }
        if (ownsDataDir) {
            ScratchDir.deleteRecursively(dataDir);
        }
        ScratchDir.deleteRecursively(scratch.root());
    }
}
