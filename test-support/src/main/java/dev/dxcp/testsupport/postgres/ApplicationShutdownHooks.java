package dev.dxcp.testsupport.postgres;

import java.util.List;

/**
 * The JVM runs its shutdown hooks side by side. If the test PostgreSQL stopped while Spring was still
 * closing the contexts a test JVM cached, their connection pools would keep trying to reach the stopped
 * server until their connection timeout, and the test JVM would hang in its exit for that long (surefire
 * gives up after 30 s). So the server's stop hook lets the contexts close first.
 */
final class ApplicationShutdownHooks {
    private static final String SPRING_HOOK = "SpringApplicationShutdownHook";
    private static final long WAIT_MILLIS = 20_000;

    private ApplicationShutdownHooks() {
    }

    static void awaitSpringContexts() {
        List<Thread> hooks = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t != Thread.currentThread() && SPRING_HOOK.equals(t.getName()))
                .toList();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        for (Thread hook : hooks) {
            try {
                hook.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
