package dev.dxcp.bench.rig;

import dev.dxcp.bench.http.HttpConnection;
import dev.dxcp.bench.http.HttpRequest;

import java.io.IOException;
import java.time.Duration;

/** Waits until a child answers 200 on a path, failing early if the child died. */
final class HealthWait {
    private HealthWait() {
    }

    static void until(ChildProcess child, int port, String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IllegalStateException(child.name() + " exited during start-up; see " + child.log());
            }
            try (HttpConnection connection = new HttpConnection("127.0.0.1", port)) {
                if (connection.send(HttpRequest.get(path, null)).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            sleep(250);
        }
        throw new IllegalStateException(child.name() + " did not answer " + path + " within " + timeout.toSeconds()
                + " s; see " + child.log());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
