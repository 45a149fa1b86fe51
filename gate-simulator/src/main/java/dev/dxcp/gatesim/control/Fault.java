package dev.dxcp.gatesim.control;

import java.time.Duration;

/**
 * Something that goes wrong between the client and Gate, for resilience tests. Faults are armed
 * per {@link Endpoint} through {@link FaultPlan}. Most act before Gate handles the request (the
 * request has no effect); {@link #afterGateHandled()} faults let Gate do the work and then spoil the
 * answer, which is how a client ends up not knowing whether its trigger started anything.
 *
 * @param kind          what goes wrong
 * @param delay         latency or hang duration
 * @param jitter        extra random latency, uniformly 0..jitter
 * @param status        HTTP status for proxy errors
 * @param afterHandling whether Gate handles the request before the fault strikes
 */
public record Fault(Kind kind, Duration delay, Duration jitter, int status, boolean afterHandling) {

    public enum Kind {
        /** Answer normally, but only after a delay. */
        LATENCY,
        /** Answer nothing for a long time (longer than any sane client timeout), then close. */
        HANG,
        /** Close the connection without an HTTP response. */
        DROP_CONNECTION,
        /** 502/503/504 from a proxy in front of Gate: HTML body, no Gate headers. */
        PROXY_ERROR,
        /** 500 with Gate's Spring error body, as when Orca or Front50 is unreachable. */
        SERVER_ERROR,
        /** 429 from Gate's rate limiter, with the X-RateLimit-* headers. */
        RATE_LIMITED,
        /** The real answer with its JSON body cut short. */
        MALFORMED_JSON,
        /** A trigger answered 202 whose body lacks {@code ref}. */
        MISSING_REF
    }

    public static final Duration DEFAULT_HANG = Duration.ofMinutes(10);

    public static Fault latency(Duration delay) {
        return new Fault(Kind.LATENCY, delay, Duration.ZERO, 0, false);
    }

    /** Latency uniformly distributed between {@code min} and {@code max}. */
    public static Fault latency(Duration min, Duration max) {
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max latency below min latency");
        }
        return new Fault(Kind.LATENCY, min, max.minus(min), 0, false);
    }

    public static Fault hang() {
        return hang(DEFAULT_HANG);
    }

    public static Fault hang(Duration duration) {
        return new Fault(Kind.HANG, duration, Duration.ZERO, 0, false);
    }

    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, Duration.ZERO, Duration.ZERO, 0, false);
    }

    /** Gate handles the request (a trigger starts its execution), then the connection drops. */
    public static Fault dropResponse() {
        return dropConnection().afterGateHandled();
    }

    public static Fault proxyError(int status) {
        if (status != 502 && status != 503 && status != 504) {
            throw new IllegalArgumentException("Proxy errors are 502, 503 or 504, got " + status);
        }
        return new Fault(Kind.PROXY_ERROR, Duration.ZERO, Duration.ZERO, status, false);
    }

    public static Fault serverError() {
        return new Fault(Kind.SERVER_ERROR, Duration.ZERO, Duration.ZERO, 500, false);
    }

    public static Fault rateLimited() {
        return new Fault(Kind.RATE_LIMITED, Duration.ZERO, Duration.ZERO, 429, false);
    }

    /** Gate does the work; the body of its answer arrives truncated. */
    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, Duration.ZERO, Duration.ZERO, 0, true);
    }

    /** The trigger starts its execution but the 202 body carries no {@code ref}. */
    public static Fault missingRef() {
        return new Fault(Kind.MISSING_REF, Duration.ZERO, Duration.ZERO, 0, true);
    }

    /** The same fault, striking after Gate has handled the request (for latency, hang, drop). */
    public Fault afterGateHandled() {
        return new Fault(kind, delay, jitter, status, true);
    }

    public Fault {
        delay = delay == null ? Duration.ZERO : delay;
        jitter = jitter == null ? Duration.ZERO : jitter;
        if (kind == Kind.MALFORMED_JSON || kind == Kind.MISSING_REF) {
            afterHandling = true;
        }
    }
}
