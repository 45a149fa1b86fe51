package dev.dxcp.server.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * After a failed start the context has stopped everything it started; a non-daemon thread still running
 * then is a component that escaped that cleanup (as the embedded S3 server once did, keeping the failed
 * process alive for good). Named in the log so it gets fixed, before the process exits anyway.
 */
final class LingeringThreads {
    private static final Logger log = LoggerFactory.getLogger(LingeringThreads.class);
    private static final long GRACE_MILLIS = 2_000;

    private LingeringThreads() {
    }

    /** Waits briefly for pools that stop asynchronously, then logs the non-daemon threads still alive. */
    static void report() {
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        List<String> left = alive();
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = alive();
        }
        if (!left.isEmpty()) {
            log.warn("event=start_failed_threads_left threads=\"{}\"", String.join(",", left));
        }
    }

    static List<String> alive() {
        Thread self = Thread.currentThread();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t != self && t.isAlive() && !t.isDaemon() && !t.getName().equals("DestroyJavaVM"))
                .map(Thread::getName).sorted().toList();
    }
}
