package dev.dxcp.bench.load;

import dev.dxcp.bench.http.HttpConnection;
import dev.dxcp.bench.http.HttpRequest;
import dev.dxcp.bench.http.HttpResponse;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one operation from N workers, each a thread with its own keep-alive connection, closed loop:
 * a worker sends its next request as soon as the previous answer is in. The phase's wall time runs from
 * the moment all workers are released to the end of the last one.
 */
public final class LoadRunner {
    private static final int FAILURE_SAMPLES = 3;

    private final String host;
    private final int port;

    public LoadRunner(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public PhaseResult run(String name, int concurrency, Budget budget, Operation operation) {
        AtomicLong issued = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Worker> workers = new ArrayList<>();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < concurrency; i++) {
            Worker worker = new Worker(i, operation, issued, budget, start, samples);
            workers.add(worker);
            worker.thread.start();
        }
        long started = System.nanoTime();
        long stopAt = budget.duration() == null ? Long.MAX_VALUE : started + budget.duration().toNanos();
        workers.forEach(w -> w.stopAt = stopAt);
        start.countDown();
        for (Worker worker : workers) {
            try {
                worker.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during " + name, e);
            }
        }
        long wall = System.nanoTime() - started;
        Histogram all = LatencySummary.newHistogram();
        Map<Integer, Long> failures = new HashMap<>();
        long succeeded = 0;
        for (Worker worker : workers) {
            all.add(worker.latencies);
            succeeded += worker.succeeded;
            worker.failures.forEach((status, count) -> failures.merge(status, count, Long::sum));
        }
        List<String> firstSamples = samples.subList(0, Math.min(FAILURE_SAMPLES, samples.size()));
        return new PhaseResult(name, concurrency, succeeded, failures, wall, all, new ArrayList<>(firstSamples));
    }

    private final class Worker implements Runnable {
        final Thread thread;
        final Histogram latencies = LatencySummary.newHistogram();
        final Map<Integer, Long> failures = new HashMap<>();
        final int index;
        final Operation operation;
        final AtomicLong issued;
        final Budget budget;
        final CountDownLatch start;
        final List<String> samples;
        volatile long stopAt;
        long succeeded;

        Worker(int index, Operation operation, AtomicLong issued, Budget budget, CountDownLatch start,
               List<String> samples) {
            this.index = index;
            this.operation = operation;
            this.issued = issued;
            this.budget = budget;
            this.start = start;
            this.samples = samples;
            this.thread = new Thread(this, "load-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            try (HttpConnection connection = new HttpConnection(host, port)) {
                start.await();
                while (System.nanoTime() < stopAt) {
                    long n = issued.getAndIncrement();
                    if (n >= budget.requests()) {
                        return;
                    }
                    perform(connection, n);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void perform(HttpConnection connection, long n) {
            HttpRequest request = operation.request(index, n);
            long sent = System.nanoTime();
            HttpResponse response;
            try {
                response = connection.send(request);
            } catch (IOException e) {
                failures.merge(0, 1L, Long::sum);
                sample(request, e.toString());
                return;
            }
            long answered = System.nanoTime();
            if (!response.successful()) {
                failures.merge(response.status(), 1L, Long::sum);
                sample(request, response.status() + " " + response.text());
                return;
            }
            latencies.recordValue(Math.min(LatencySummary.HIGHEST_MICROS, (answered - sent) / 1000));
            succeeded++;
            operation.answered(n, response, sent, answered);
        }

        private void sample(HttpRequest request, String what) {
            if (samples.size() < FAILURE_SAMPLES) {
                samples.add(request.method() + " " + request.target() + " -> " + what);
            }
        }
    }
}
