package dev.dxcp.bench.rig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged server, {@code server/target/dxcp-server.jar}, in its own JVM, configured only through
 * its documented DXCP_* environment variables, exactly as an operator would run it.
 */
public final class DxcpServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final ChildProcess child;
    private final int port;
    private final MemoryWatch memory;

    private DxcpServerProcess(ChildProcess child, int port) {
        this.child = child;
        this.port = port;
        this.memory = MemoryWatch.start(child.pid());
    }

    /**
     * @param jvmFlags heap and GC flags, recorded in the report
     * @param jfrFile  where to write a flight recording, or null for none
     */
    public static DxcpServerProcess start(Path jar, List<String> jvmFlags, Path jfrFile, Map<String, String> settings,
                                          Path log) {
        int port = FreePort.pick();
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaLauncher());
        command.addAll(jvmFlags);
        if (jfrFile != null) {
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfrFile);
        }
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("SERVER_PORT", Integer.toString(port));
        ChildProcess child = ChildProcess.start("dxcp-server", command, environment, log);
        try {
            HealthWait.until(child, port, "/v1/health", START_TIMEOUT);
            return new DxcpServerProcess(child, port);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public long pid() {
        return child.pid();
    }

    public Path log() {
        return child.log();
    }

    /** Resident memory now, KiB. */
    public long residentKib() {
        return ResidentMemory.currentKib(child.pid());
    }

    /** The highest resident memory seen so far: sampled, and the kernel's own high-water mark. */
    public long peakResidentKib() {
        return Math.max(memory.highestKib(), ResidentMemory.peakKib(child.pid()));
    }

    @Override
    public void close() {
        memory.close();
        child.close();
    }
}
