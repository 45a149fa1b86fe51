package dev.dxcp.bench.load;

import dev.dxcp.bench.http.HttpRequest;
import dev.dxcp.bench.http.HttpResponse;

/** What a load phase does, one request at a time, from many workers at once. */
public interface Operation {

    /**
     * The request for operation number {@code n} of the phase (0-based, unique across workers).
     * Building it is not part of the measured latency.
     */
    HttpRequest request(int worker, long n);

    /** Called in the worker's thread with each successful answer, after its latency was recorded. */
    default void answered(long n, HttpResponse response, long sentNanos, long answeredNanos) {
    }
}
