package dev.dxcp.saga.engine;

import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.EngineAdapterSettings.Mode;
import dev.dxcp.events.settings.EngineAdapterSettings.Secret;
import dev.dxcp.events.settings.SettingProblem;
import dev.dxcp.gatesim.GateSimulator;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.saga.spinnaker.GateClient;
import dev.dxcp.saga.spinnaker.transport.GateAuthSettings;
import dev.dxcp.saga.spinnaker.transport.GateSettings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The only place that turns engine adapter settings into a Gate client (engine-saga's {@link GateSettings}),
 * with what only this server can tell: whether the secrets resolve, the mTLS files are readable here and a
 * TLS context can be built from them. Timeouts and the service user stay start-up settings.
 */
public class GateClients {
    private final GateClientDefaults properties;
    private final EngineCallObserver observer;
    private final SettingRules rules;

    /**
     * @param observer told about every call of every client built here (the server's Gate metrics)
     * @param rules    the engine adapter rules a save applies (command side), checked before anything else
     */
    public GateClients(GateClientDefaults properties, EngineCallObserver observer, SettingRules rules) {
        this.properties = properties;
        this.observer = observer;
        this.rules = rules;
    }

    /** A client, or the problems that keep one from being built; {@code settings} must be http or mtls. */
    public record Build(GateSettings settings, GateClient client, List<SettingProblem> problems) {
        static Build refused(List<SettingProblem> problems) {
            return new Build(null, null, List.copyOf(problems));
        }
    }

    /** The rules first (start-up configuration has not been through them), then what only this server can tell. */
    public Build build(EngineAdapterSettings adapter, SecretValues secrets) {
        if (adapter.mode() == Mode.STUB) {
            throw new IllegalArgumentException("stub mode has no Gate to build a client for");
        }
        List<SettingProblem> problems = new ArrayList<>(rules.check(adapter));
        Map<Secret, String> values = new EnumMap<>(Secret.class);
        if (problems.isEmpty()) {
            problems.addAll(resolve(adapter, secrets, values));
            problems.addAll(unreadableFiles(adapter));
        }
        if (!problems.isEmpty()) {
            return Build.refused(problems);
        }
        try {
            GateSettings settings = new GateSettings(adapter.gateUrl(), auth(adapter, values),
                    properties.connectTimeout(), properties.readTimeout(), null, properties.serviceUser());
            return new Build(settings, client(settings), List.of());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The rules held, so this is what the files or the JDK refused (an unreadable key, a bad certificate).
            return Build.refused(List.of(new SettingProblem(failingField(adapter), e.getMessage())));
        }
    }

    /** The in-process Gate of stub mode (embedded mode's simulator), listening on a free local port. */
    public GateSimulator startSimulator() {
        Duration stageDelay = properties.simulatorStageDelay() == null ? Duration.ofSeconds(1)
                : properties.simulatorStageDelay();
        // Loopback only, stated here rather than left to the simulator's default: only this process calls it.
        return GateSimulator.start(GateSimulatorConfig.builder().bindAddress("127.0.0.1").port(0).stageDelay(stageDelay)
                .build());
    }

    public GateClient client(GateSettings settings) {
        return GateClient.create(settings, observer::completed);
    }

    public GateSettings simulatorSettings(GateSimulator simulator) {
        return new GateSettings(simulator.baseUrl(), GateAuthSettings.none(), properties.connectTimeout(),
                properties.readTimeout(), null, properties.serviceUser());
    }

    private static GateAuthSettings auth(EngineAdapterSettings a, Map<Secret, String> secrets) {
        if (a.mode() == Mode.MTLS) {
            return new GateAuthSettings.MutualTls(path(a.clientCertPath()), path(a.clientKeyPath()),
                    path(a.keystorePath()), secrets.get(Secret.KEYSTORE_PASSWORD), null, path(a.caBundlePath()),
                    a.serverName());
        }
        if (a.headerName() != null) {
            return new GateAuthSettings.StaticHeader(a.headerName(), secrets.get(Secret.HEADER_VALUE));
        }
        if (a.tokenUrl() != null) {
            return new GateAuthSettings.ClientCredentials(a.tokenUrl(), a.clientId(), secrets.get(Secret.CLIENT_SECRET),
                    a.audience(), a.scope(), a.refreshSkewSeconds() == null ? null
                    : Duration.ofSeconds(a.refreshSkewSeconds()));
        }
        return GateAuthSettings.none();
    }

    private static String failingField(EngineAdapterSettings a) {
        if (a.mode() == Mode.MTLS) {
            return a.keystorePath() != null ? "keystore_path" : "client_cert_path";
        }
        return "gate_url";
    }

    private static List<SettingProblem> resolve(EngineAdapterSettings adapter, SecretValues secrets,
                                                Map<Secret, String> values) {
        List<SettingProblem> problems = new ArrayList<>();
        for (Secret secret : Secret.values()) {
            String ref = adapter.secretRef(secret);
            if (ref != null) {
                secrets.of(ref).ifPresentOrElse(value -> values.put(secret, value), () -> problems.add(
                        new SettingProblem(secret.field(), "the saved " + secret.field() + " is gone: send it again")));
            }
        }
        return problems;
    }

    private static List<SettingProblem> unreadableFiles(EngineAdapterSettings adapter) {
        List<SettingProblem> problems = new ArrayList<>();
        if (adapter.mode() != Mode.MTLS) {
            return problems;
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("client_cert_path", adapter.clientCertPath());
        files.put("client_key_path", adapter.clientKeyPath());
        files.put("keystore_path", adapter.keystorePath());
        files.put("ca_bundle_path", adapter.caBundlePath());
        files.forEach((field, path) -> {
            if (path != null && !readable(path)) {
                problems.add(new SettingProblem(field, path + " is not a readable file on this server"));
            }
        });
        return problems;
    }

    private static boolean readable(String path) {
        try {
            Path file = Path.of(path);
            return Files.isRegularFile(file) && Files.isReadable(file);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
