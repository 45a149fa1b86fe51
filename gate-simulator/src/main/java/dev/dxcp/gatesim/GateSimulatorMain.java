package dev.dxcp.gatesim;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.control.GateSimulatorConfig;

/**
 * {@code java -jar gate-simulator.jar --port 8084 [--base-path /gate] [--auth anonymous|header|
 * login-redirect|unauthorized-401|x509-403] [--stage-delay-ms N]}. Runs until the JVM is stopped.
 */
@Command(name = "gate-simulator", mixinStandardHelpOptions = true,
        description = "A Spinnaker Gate simulator speaking Gate's HTTP API (control API under /_sim).")
public final class GateSimulatorMain implements Callable<GateSimulator> {

    @Option(names = "--port", description = "Port to listen on (0 = any free port). Default: ${DEFAULT-VALUE}")
    int port = 8084;

    @Option(names = "--bind", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String bindAddress = "0.0.0.0";

    @Option(names = "--base-path", description = "Gate's mount point, e.g. /gate. Default: none")
    String basePath = "";

    @Option(names = "--auth", description = "anonymous, header, login-redirect, unauthorized-401 or x509-403. "
            + "Default: ${DEFAULT-VALUE}")
    String auth = "anonymous";

    @Option(names = "--stage-delay-ms", description = "How long each task takes. Default: ${DEFAULT-VALUE}")
    long stageDelayMs = 250;

    @Option(names = "--start-delay-ms", description = "From trigger to RUNNING. Default: the stage delay, at most 50")
    Long startDelayMs;

    @Option(names = "--webhook-timeout-ms", description = "How long a 5xx webhook is retried before timing out. "
            + "Default: ${DEFAULT-VALUE} (5 minutes, as Orca)")
    long webhookTimeoutMs = 300_000;

    @Option(names = "--unknown-cancel-delay-ms", description = "Delay before a cancel of an unknown id answers 404. "
            + "Default: ${DEFAULT-VALUE}")
    long unknownCancelDelayMs = 0;

    @Option(names = "--bearer-token", description = "token=user accepted in login-redirect/401/403 modes (repeatable)")
    Map<String, String> bearerTokens = new LinkedHashMap<>();

    public static void main(String[] args) throws InterruptedException {
        CommandLine commandLine = new CommandLine(new GateSimulatorMain());
        int exit = commandLine.execute(args);
        GateSimulator simulator = commandLine.getExecutionResult();
        if (exit != 0 || simulator == null) {
            System.exit(exit);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "gate-sim-shutdown"));
        stopped.await();
    }

    /** Parses the arguments and starts a simulator, without blocking; what main() and tests use. */
    public static GateSimulator launch(String... args) {
        CommandLine commandLine = new CommandLine(new GateSimulatorMain());
        int exit = commandLine.execute(args);
        GateSimulator simulator = commandLine.getExecutionResult();
        if (exit != 0 || simulator == null) {
            throw new IllegalArgumentException("Cannot start the Gate simulator with " + String.join(" ", args));
        }
        return simulator;
    }

    @Override
    public GateSimulator call() {
        GateSimulatorConfig.Builder config = GateSimulatorConfig.builder()
                .port(port)
                .bindAddress(bindAddress)
                .basePath(basePath)
                .authMode(AuthMode.parse(auth))
                .stageDelay(Duration.ofMillis(stageDelayMs))
                .webhookTimeout(Duration.ofMillis(webhookTimeoutMs))
                .unknownCancelDelay(Duration.ofMillis(unknownCancelDelayMs));
        if (startDelayMs != null) {
            config.startDelay(Duration.ofMillis(startDelayMs));
        }
        bearerTokens.forEach(config::bearerToken);
        GateSimulator simulator = GateSimulator.start(config.build());
        System.out.println("Gate simulator listening on " + simulator.baseUrl() + " (auth " + auth
                + ", stage delay " + stageDelayMs + " ms); control API on " + simulator.adminUrl());
        return simulator;
    }
}
