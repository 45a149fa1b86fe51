package dev.dxcp.gatesim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.Fault;
import dev.dxcp.gatesim.control.FaultPlan;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.gatesim.control.OutcomeRules;
import dev.dxcp.gatesim.front50.Front50;
import dev.dxcp.gatesim.orca.ExecutionEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the simulator, on the JDK's built-in {@link HttpServer}. Chosen over Reactor
 * Netty because it needs no dependency and its blocking exchange model gives direct control over
 * the raw exchange, which the faults need (answer nothing and close, hang, send half a body). The
 * executor is an unbounded cached pool so a request held by a hang fault never delays others.
 *
 * <p>Order per request: request id, routing, fault before handling, authentication, the Gate
 * controller, fault after handling. The control API under {@code /_sim} bypasses faults and
 * authentication.
 */
public final class GateHttpServer implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's small responses wait on delayed ACKs (~40 ms per
        // keep-alive request), which would swamp the zero-delay benchmark. The JDK reads this
        // property once, when its server classes load; an explicit setting by the host JVM wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public static final String REQUEST_ID_HEADER = "X-SPINNAKER-REQUEST-ID";
    public static final String ADMIN_PREFIX = "_sim";

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<String> basePathSegments;
    private final String basePath;
    private final Router gateRoutes;
    private final Router adminRoutes;
    private final Authenticator authenticator;
    private final FaultPlan faults;
    private final FaultInjector faultInjector;
    private final RequestCounter requests;
    private final Clock clock;

    public GateHttpServer(GateSimulatorConfig config, Front50 front50, ExecutionEngine engine, OutcomeRules outcomes,
                          FaultPlan faults, RequestCounter requests, AtomicBoolean healthDown,
                                  SimulatorControls simulator) {
        this.clock = config.clock();
        this.basePath = config.basePath();
        this.basePathSegments = HttpCall.segmentsOf(basePath);
        this.faults = faults;
        this.requests = requests;
        this.faultInjector = new FaultInjector(clock);
        this.authenticator = new Authenticator(config.authMode(), config.bearerTokens(), config.loginRedirectUrl(), clock);
        Fiat fiat = new Fiat(config.fiatEnabled(), config.userRoles());
        this.gateRoutes = new GateApi(front50, engine, outcomes, fiat, clock, healthDown, config.unknownCancelDelay()).routes();
        this.adminRoutes = new AdminApi(simulator).routes();
        try {
            this.server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + config.bindAddress() + ":" + config.port(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "gate-sim-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void authMode(AuthMode mode) {
        authenticator.mode(mode);
    }

    public AuthMode authMode() {
        return authenticator.mode();
    }

    @Override
    public void close() {
        server.stop(0);
        // Interrupts handlers held by hang or latency faults.
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String requestId = Optional.ofNullable(exchange.getRequestHeaders().getFirst(REQUEST_ID_HEADER))
                    .filter(id -> !id.isBlank())
                    .orElseGet(() -> UUID.randomUUID().toString());
            List<String> segments = HttpCall.segmentsOf(exchange.getRequestURI().getRawPath());
            Map<String, String> query = HttpCall.queryOf(exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            if (!segments.isEmpty() && segments.get(0).equals(ADMIN_PREFIX)) {
                HttpCall call = new HttpCall(method, segments.subList(1, segments.size()), query,
                        exchange.getRequestHeaders(), body, requestId);
                send(exchange, dispatch(adminRoutes, call).withHeader(REQUEST_ID_HEADER, requestId));
                return;
            }
            if (!startsWithBasePath(segments)) {
                send(exchange, ErrorBodies.of(clock, 404, GateError.NO_HANDLER, "No endpoint " + method + " "
                        + exchange.getRequestURI().getPath()).withHeader(REQUEST_ID_HEADER, requestId));
                return;
            }
            HttpCall call = new HttpCall(method, segments.subList(basePathSegments.size(), segments.size()), query,
                    exchange.getRequestHeaders(), body, requestId);
            handleGateCall(exchange, call);
        } catch (IOException e) {
            // The client went away mid-exchange; nothing left to tell it.
        }
    }

    private void handleGateCall(HttpExchange exchange, HttpCall call) throws IOException {
        Router.Match match = gateRoutes.match(call.method, call.segments);
        if (match.route() == null) {
            send(exchange, routingError(call, match.pathKnown()).withHeader(REQUEST_ID_HEADER, call.requestId));
            return;
        }
        Endpoint endpoint = match.route().endpoint();
        call.pathVariables = match.variables();
        requests.increment(endpoint);
        Optional<Fault> fault = faults.take(endpoint);
        if (fault.isPresent() && !fault.get().afterHandling()) {
            FaultInjector.Action action = faultInjector.instead(fault.get(), endpoint, call);
            if (!action.proceeds()) {
                finish(exchange, action, call.requestId, fault.get());
                return;
            }
        }
        boolean exempt = endpoint == Endpoint.HEALTH || endpoint == Endpoint.AUTH_USER;
        Authenticator.Decision decision = authenticator.authenticate(call, exempt, absoluteBaseUrl(exchange));
        GateResponse response;
        if (decision.rejection() != null) {
            response = decision.rejection();
        } else {
            call.caller = decision.caller();
            response = dispatch(match.route(), call);
        }
        if (fault.isPresent() && fault.get().afterHandling()) {
            finish(exchange, faultInjector.spoil(fault.get(), response), call.requestId, fault.get());
            return;
        }
        send(exchange, response.withHeader(REQUEST_ID_HEADER, call.requestId));
    }

    private void finish(HttpExchange exchange, FaultInjector.Action action, String requestId, Fault fault)
            throws IOException {
        if (action.drop()) {
            // Returning without sendResponseHeaders: closing such an exchange makes the JDK server
            // close the socket, so the client sees the connection end with no HTTP response at all.
            return;
        }
        GateResponse response = action.response();
        // A proxy error page comes from the proxy in front of Gate, so it carries none of Gate's headers.
        if (fault.kind() != Fault.Kind.PROXY_ERROR) {
            response = response.withHeader(REQUEST_ID_HEADER, requestId);
        }
        send(exchange, response);
    }

    private GateResponse dispatch(Router router, HttpCall call) {
        Router.Match match = router.match(call.method, call.segments);
        if (match.route() == null) {
            return routingError(call, match.pathKnown());
        }
        call.pathVariables = match.variables();
        return dispatch(match.route(), call);
    }

    /** The one place a controller failure becomes Gate's error body. */
    private GateResponse dispatch(Router.Route route, HttpCall call) {
        try {
            return route.handler().apply(call);
        } catch (GateError error) {
            return ErrorBodies.of(clock, error);
        } catch (IllegalArgumentException invalid) {
            // As in Gate (kork's exception handlers): an IllegalArgumentException is the caller's fault.
            return ErrorBodies.of(clock, 400, GateError.ILLEGAL_ARGUMENT, String.valueOf(invalid.getMessage()));
        } catch (RuntimeException unexpected) {
            return ErrorBodies.of(clock, 500, unexpected.getClass().getName(), String.valueOf(unexpected.getMessage()));
        }
    }

    private GateResponse routingError(HttpCall call, boolean pathKnown) {
        if (pathKnown) {
            return ErrorBodies.of(clock, 405, GateError.METHOD_NOT_SUPPORTED,
                    "Request method '" + call.method + "' is not supported");
        }
        return ErrorBodies.of(clock, 404, GateError.NO_HANDLER, "No endpoint " + call.method + " /"
                + String.join("/", call.segments));
    }

    private boolean startsWithBasePath(List<String> segments) {
        return segments.size() >= basePathSegments.size()
                && segments.subList(0, basePathSegments.size()).equals(basePathSegments);
    }

    private String absoluteBaseUrl(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            host = "localhost:" + port();
        }
        return "http://" + host + basePath;
    }

    private static void send(HttpExchange exchange, GateResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (!response.hasBody()) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }
}
