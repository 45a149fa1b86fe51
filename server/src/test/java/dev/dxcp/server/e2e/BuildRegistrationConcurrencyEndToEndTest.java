package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency and one-build-per-version must hold for simultaneous requests, not only sequential ones. */
class BuildRegistrationConcurrencyEndToEndTest extends EndToEndTest {
    private static final int PARALLEL = 20;

    @Test
    void twentyParallelIdenticalRegistrationsGiveOneBuildAndNineteenReplays() throws Exception {
        String version = uniqueVersion();
        Map<String, Object> body = buildBody("e2e-svc-6", version);
        String key = UUID.randomUUID().toString();
        String token = ci("storm");
        int before = eventsOfType("BuildRegistered");

        List<Response> responses = inParallel(() -> register(token, key, body));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        assertThat(responses.stream().filter(r -> r.header("Idempotency-Replayed").orElse("").equals("false")))
                .hasSize(1);
        assertThat(responses.stream().filter(r -> r.header("Idempotency-Replayed").orElse("").equals("true")))
                .hasSize(PARALLEL - 1);
        assertThat(responses.stream().map(Response::body).distinct()).hasSize(1);
        assertThat(eventsOfType("BuildRegistered") - before).isEqualTo(1);
    }

    @Test
    void twentyParallelSameKeyDifferentBodiesGiveExactlyOneWinner() throws Exception {
        String key = UUID.randomUUID().toString();
        String token = ci("race");
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            bodies.add(buildBody("e2e-svc-6", uniqueVersion()));
        }
        int before = eventsOfType("BuildRegistered");
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        List<Response> responses = inParallel(() -> register(token, key, bodies.get(next.getAndIncrement())));

        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() == 409))
                .hasSize(PARALLEL - 1)
                .allSatisfy(r -> assertThat(r.json().path("code").asText()).isEqualTo("BUILD_REGISTRATION_CONFLICT"));
        assertThat(eventsOfType("BuildRegistered") - before).isEqualTo(1);
    }

    @Test
    void parallelRegistrationsOfOneVersionUnderDifferentKeysCreateOneBuild() throws Exception {
        Map<String, Object> body = buildBody("e2e-svc-6", uniqueVersion());
        String token = ci("keys");
        int before = eventsOfType("BuildRegistered");

        List<Response> responses = inParallel(() -> register(token, UUID.randomUUID().toString(), body));

        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(PARALLEL - 1);
        assertThat(responses.stream().map(r -> r.json().path("id").asText()).distinct()).hasSize(1);
        assertThat(eventsOfType("BuildRegistered") - before).isEqualTo(1);
    }

    private static List<Response> inParallel(Callable<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
