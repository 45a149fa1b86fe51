package dev.dxcp.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.Output;
import dev.dxcp.cli.Pause;
import dev.dxcp.cli.http.ApiClient;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Follows a deployment until it ends: polls GET /v1/deployments/{id} (which refreshes it from the
 * engine, domain §4) and, when it changed, its normalized timeline (domain §8), prints each new timeline entry and one
 * live progress line, and answers the exit code of the outcome. Ctrl-C ends the following only: the
 * deployment is the server's, and a JVM shutdown hook says how to pick it up again.
 */
final class DeploymentFollower {
    private static final String[] SPINNER = {"|", "/", "-", "\\"};

    private final CliContext cli;
    private final PatientReads reads;
    private final Duration poll;
    private final PrintWriter live;

    DeploymentFollower(CliContext cli, Duration poll) {
        this.cli = cli;
        this.reads = new PatientReads(cli);
        this.poll = poll;
        // In json mode standard output carries only the final JSON document.
        this.live = new Output(cli).json() ? cli.err() : cli.out();
    }

    /** The final record is left in {@code last[0]}. */
    ExitCode follow(String id, Duration timeout, JsonNode[] last) {
        Thread hook = new Thread(() -> {
            live.println();
            live.println("Stopped following " + id + "; the deployment goes on. Follow it again: "
                    + "dxcp deployments get " + id + " --wait");
            live.flush();
        }, "dxcp-stop-following");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return loop(id, timeout, last);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C arrived: the hook is running and says what happened.
            }
        }
    }

    private ExitCode loop(String id, Duration timeout, JsonNode[] last) {
        String path = "/v1/deployments/" + ApiClient.segment(id);
        Instant started = cli.clock().instant();
        Set<String> shown = new HashSet<>();
        String lastState = null;
        int tick = 0;
        String lastVersion = null;
        while (true) {
            JsonNode record = reads.get(path);
            last[0] = record;
            String state = record.path("state").asText();
            boolean changed = !state.equals(lastState);
            // The timeline is derived from the record's state and times (domain §8): read it only when
            // they moved, so following stays well inside an actor's read rate.
            String version = state + "@" + record.path("updatedAt").asText();
            JsonNode timeline = version.equals(lastVersion) ? CliContext.JSON.createArrayNode()
                    : reads.get(path + "/timeline");
            lastVersion = version;
            for (JsonNode entry : timeline) {
                if (shown.add(entry.path("key").asText() + "@" + entry.path("occurredAt").asText())) {
                    clearProgress();
                    live.println(DeploymentView.timelineLine(entry));
                }
            }
            Duration elapsed = Duration.between(started, cli.clock().instant());
            String progress = SPINNER[tick++ % SPINNER.length] + " " + Output.text(record, "service") + " "
                    + Output.text(record, "version") + " -> " + Output.text(record, "environment") + "  " + state
                    + "  " + format(elapsed);
            if (cli.interactive()) {
                live.print("\r\033[K" + progress);
            } else if (changed) {
                live.println(progress);
            }
            live.flush();
            lastState = state;
            ExitCode ended = outcome(state);
            if (ended != null) {
                clearProgress();
                live.println(Output.text(record, "deploymentKind").equals("ROLLBACK") ? "Rollback " + id + " ended "
                        + state : "Deployment " + id + " ended " + state + " in " + format(elapsed));
                DeploymentView.failureLines(record).forEach(live::println);
                live.flush();
                return ended;
            }
            if (timeout != null && elapsed.compareTo(timeout) >= 0) {
                clearProgress();
                live.println("Gave up waiting after " + format(elapsed) + "; " + id + " is still " + state);
                live.flush();
                return ExitCode.TIMED_OUT;
            }
            Pause.of(poll);
        }
    }

    private void clearProgress() {
        if (cli.interactive()) {
            live.print("\r\033[K");
        }
    }

    /** Exit code of a terminal state (domain §2), null while the deployment runs. */
    static ExitCode outcome(String state) {
        return switch (state) {
            case "SUCCEEDED" -> ExitCode.OK;
            case "FAILED" -> ExitCode.DEPLOYMENT_FAILED;
            case "CANCELED", "ROLLED_BACK" -> ExitCode.DEPLOYMENT_CANCELED;
            default -> null;
        };
    }

    private static String format(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

}
