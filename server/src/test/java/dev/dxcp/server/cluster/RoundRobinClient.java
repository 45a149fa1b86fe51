package dev.dxcp.server.cluster;

import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a client behind a load balancer sees: each request goes to the next instance; a connection error
 * or a 503 (an instance draining or starting) is retried on the next one with the same Idempotency-Key,
 * as the CLI and the CI templates retry. Counts requests, retries and 503s.
 */
final class RoundRobinClient {
    private static final int ATTEMPTS = 30;
    private final Cluster cluster;
    private final AtomicInteger turn = new AtomicInteger();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();

    RoundRobinClient(Cluster cluster) {
        this.cluster = cluster;
    }

    /** The first answer that is neither a connection error nor a 503; null if every attempt failed so. */
    Response post(String path, String token, Object body, String idempotencyKey) {
        requests.incrementAndGet();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
                dev.dxcp.server.process.ServerProcess.sleep(Math.min(100L * attempt, 1_000));
            }
            String url = cluster.instance(turn.getAndIncrement()).url(path);
            try {
                Response answer = TestHttp.post(url, token, body, "Idempotency-Key", idempotencyKey);
                if (answer.status() != 503) {
                    return answer;
                }
                unavailable.incrementAndGet();
            } catch (RuntimeException connectionError) {
                // stopped or not yet listening: the next instance
            }
        }
        return null;
    }
}
