package dev.dxcp.server.engine;

import dev.dxcp.gatesim.GateSimulator;
import dev.dxcp.gatesim.GateSimulatorConfig;
import dev.dxcp.saga.spinnaker.GateAuthSettings;
import dev.dxcp.saga.spinnaker.GateCallObserver;
import dev.dxcp.saga.spinnaker.GateClient;
import dev.dxcp.saga.spinnaker.GateSettings;
import dev.dxcp.server.config.DxcpProperties;
import dev.dxcp.server.config.EngineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The configured execution engine: a Gate URL with its credentials, the in-process Gate simulator of
 * embedded mode, or none. The only place that turns DXCP_GATE_* settings into an engine client.
 */
public final class EngineConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineConnection.class);

    private final GateSettings settings;
    private final GateClient client;
    private final GateSimulator simulator;

    private EngineConnection(GateSettings settings, GateClient client, GateSimulator simulator) {
        this.settings = settings;
        this.client = client;
        this.simulator = simulator;
    }

    public static EngineConnection from(EngineProperties p) {
        return from(p, GateCallObserver.NONE);
    }

    /** @param observer told about every engine call (the server's Gate metrics) */
    public static EngineConnection from(EngineProperties p, GateCallObserver observer) {
        if ("none".equalsIgnoreCase(p.mode())) {
            log.warn("event=engine_mode mode=none note=\"no execution engine: deployments are refused with "
                    + "ENGINE_UNAVAILABLE\"");
            return new EngineConnection(null, null, null);
        }
        if (p.embedded()) {
            GateSimulator simulator = GateSimulator.start(GateSimulatorConfig.builder().port(0)
                    .stageDelay(p.simulatorStageDelay() == null ? Duration.ofSeconds(1) : p.simulatorStageDelay())
                    .build());
            GateSettings settings = new GateSettings(simulator.baseUrl(), GateAuthSettings.none(), p.connectTimeout(),
                    p.readTimeout(), null, p.serviceUser());
            log.warn("event=engine_mode mode=embedded_simulator gate_url={} note=\"simulated Spinnaker Gate; set "
                    + "DXCP_GATE_URL to drive a real one\"", simulator.baseUrl());
            return new EngineConnection(settings, GateClient.create(settings, observer), simulator);
        }
        GateSettings settings = new GateSettings(p.gateUrl(), auth(p), p.connectTimeout(), p.readTimeout(), null,
                p.serviceUser());
        log.info("event=engine_mode mode=gate settings=\"{}\"", settings);
        return new EngineConnection(settings, GateClient.create(settings, observer), null);
    }

    static GateAuthSettings auth(EngineProperties p) {
        String mode = p.authMode() == null ? "none" : p.authMode().trim().toLowerCase();
        return switch (mode) {
            case "none", "" -> GateAuthSettings.none();
            case "header" -> new GateAuthSettings.StaticHeader(p.headerName(), p.headerValue());
            case "bearer", "client-credentials" -> new GateAuthSettings.ClientCredentials(p.tokenUrl(), p.clientId(),
                    p.clientSecret(), blankToNull(p.audience()), blankToNull(p.scope()), null);
            case "mtls" -> DxcpProperties.present(p.keystore())
                    ? GateAuthSettings.MutualTls.fromKeystore(Path.of(p.keystore()), p.keystorePassword(),
                    path(p.caBundle()), blankToNull(p.serverName()))
                    : GateAuthSettings.MutualTls.fromPem(Path.of(p.clientCert()), Path.of(p.clientKey()),
                    path(p.caBundle()), blankToNull(p.serverName()));
            default -> throw new IllegalStateException("DXCP_GATE_AUTH_MODE must be none, header, bearer or mtls");
        };
    }

    /** The engine client, or null when no engine is configured. */
    public GateClient client() {
        return client;
    }

    public GateSettings settings() {
        return settings;
    }

    /** The in-process simulator in embedded mode, else null. */
    public GateSimulator simulator() {
        return simulator;
    }

    public boolean configured() {
        return client != null;
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    private static Path path(String value) {
        return DxcpProperties.present(value) ? Path.of(value) : null;
    }

    private static String blankToNull(String value) {
        return DxcpProperties.present(value) ? value : null;
    }
}
