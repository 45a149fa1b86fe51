package dev.dxcp.gatesim.control;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link GateSimulator} runs. Defaults suit an embedded test server: ephemeral port on
 * loopback, no base path, anonymous auth, real time with short delays. Give it a
 * {@link SimulatedClock} to step time by hand instead.
 */
public final class GateSimulatorConfig {

    /** Where the preconfigured DXCP webhooks point when a trigger carries no engineUrl. */
    public static final String DEFAULT_CONTROLLER_URL = "https://controller.example.internal/";

    private final int port;
    private final String bindAddress;
    private final String basePath;
    private final AuthMode authMode;
    private final Clock clock;
    private final Timings timings;
    private final Duration unknownCancelDelay;
    private final Map<String, String> bearerTokens;
    private final String loginRedirectUrl;
    private final boolean fiatEnabled;
    private final Map<String, Set<String>> userRoles;
    private final String controllerUrl;

    private GateSimulatorConfig(Builder builder) {
        this.port = builder.port;
        this.bindAddress = builder.bindAddress;
        this.basePath = normaliseBasePath(builder.basePath);
        this.authMode = builder.authMode;
        this.clock = builder.clock;
        // Unless set, the start delay follows the stage delay (capped at 50 ms) so that a zero
        // stage delay means zero end to end, as the trigger-to-SUCCEEDED benchmark needs.
        Duration startDelay = builder.startDelay != null ? builder.startDelay
                : builder.stageDelay.compareTo(Duration.ofMillis(50)) < 0 ? builder.stageDelay : Duration.ofMillis(50);
        this.timings = new Timings(startDelay, builder.stageDelay, builder.webhookTimeout, builder.cancelDelay);
        this.unknownCancelDelay = builder.unknownCancelDelay;
        this.bearerTokens = Map.copyOf(builder.bearerTokens);
        this.loginRedirectUrl = builder.loginRedirectUrl;
        this.fiatEnabled = builder.fiatEnabled;
        this.userRoles = Map.copyOf(builder.userRoles);
        this.controllerUrl = builder.controllerUrl;
    }

    public static GateSimulatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** "/gate/" and "gate" become "/gate"; "/" and "" become "". */
    static String normaliseBasePath(String basePath) {
        if (basePath == null) {
            return "";
        }
        String trimmed = basePath.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    public int port() {
        return port;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public String basePath() {
        return basePath;
    }

    public AuthMode authMode() {
        return authMode;
    }

    public Clock clock() {
        return clock;
    }

    /** True when time moves only through {@link GateSimulator#advance(Duration)} / {@link GateSimulator#tick()}. */
    public boolean stepped() {
        return clock instanceof SimulatedClock;
    }

    public Timings timings() {
        return timings;
    }

    public Duration unknownCancelDelay() {
        return unknownCancelDelay;
    }

    public Map<String, String> bearerTokens() {
        return bearerTokens;
    }

    public String loginRedirectUrl() {
        return loginRedirectUrl;
    }

    public boolean fiatEnabled() {
        return fiatEnabled;
    }

    public Map<String, Set<String>> userRoles() {
        return userRoles;
    }

    public String controllerUrl() {
        return controllerUrl;
    }

    public static final class Builder {
        private int port = 0;
        private String bindAddress = "127.0.0.1";
        private String basePath = "";
        private AuthMode authMode = AuthMode.ANONYMOUS;
        private Clock clock = Clock.systemUTC();
        private Duration startDelay;
        private Duration stageDelay = Duration.ofMillis(250);
        private Duration webhookTimeout = Duration.ofMinutes(5);
        private Duration cancelDelay = Duration.ZERO;
        private Duration unknownCancelDelay = Duration.ZERO;
        private final Map<String, String> bearerTokens = new LinkedHashMap<>();
        private String loginRedirectUrl;
        private boolean fiatEnabled;
        private final Map<String, Set<String>> userRoles = new LinkedHashMap<>();
        private String controllerUrl = DEFAULT_CONTROLLER_URL;

        private Builder() {
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress);
            return this;
        }

        /** Gate's mount point, e.g. "/gate" or "/api/v1"; "" for the root. */
        public Builder basePath(String basePath) {
            this.basePath = basePath;
            return this;
        }

        public Builder authMode(AuthMode authMode) {
            this.authMode = Objects.requireNonNull(authMode);
            return this;
        }

        /** A {@link SimulatedClock} switches to stepped time; any other clock runs in real time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** From trigger to RUNNING. Defaults to the stage delay, at most 50 ms. */
        public Builder startDelay(Duration startDelay) {
            this.startDelay = startDelay;
            return this;
        }

        /** How long each task takes; zero finishes executions as fast as the engine can step. */
        public Builder stageDelay(Duration stageDelay) {
            this.stageDelay = Objects.requireNonNull(stageDelay);
            return this;
        }

        /** How long a webhook answering 5xx is retried before the TimeoutException (Orca: 5 minutes). */
        public Builder webhookTimeout(Duration webhookTimeout) {
            this.webhookTimeout = Objects.requireNonNull(webhookTimeout);
            return this;
        }

        /** From a cancel request to the execution reaching CANCELED. */
        public Builder cancelDelay(Duration cancelDelay) {
            this.cancelDelay = Objects.requireNonNull(cancelDelay);
            return this;
        }

        /** How long a cancel of an unknown id takes to answer 404 (real Gate: a few seconds). */
        public Builder unknownCancelDelay(Duration unknownCancelDelay) {
            this.unknownCancelDelay = Objects.requireNonNull(unknownCancelDelay);
            return this;
        }

        /** In the modes that demand a credential, "Authorization: Bearer token" authenticates as user. */
        public Builder bearerToken(String token, String user) {
            this.bearerTokens.put(token, user);
            return this;
        }

        /** Location of the login-redirect 302; defaults to {@code <baseUrl>/login}. */
        public Builder loginRedirectUrl(String loginRedirectUrl) {
            this.loginRedirectUrl = loginRedirectUrl;
            return this;
        }

        /** Turns on the Fiat stand-in: applications' permissions checked against {@link #userRoles}. */
        public Builder fiatEnabled(boolean fiatEnabled) {
            this.fiatEnabled = fiatEnabled;
            return this;
        }

        public Builder userRoles(String user, Set<String> roles) {
            this.userRoles.put(user, Set.copyOf(roles));
            return this;
        }

        public Builder controllerUrl(String controllerUrl) {
            this.controllerUrl = Objects.requireNonNull(controllerUrl);
            return this;
        }

        public GateSimulatorConfig build() {
            return new GateSimulatorConfig(this);
        }
    }
}
