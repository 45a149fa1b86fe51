package dev.dxcp.cli.deploy;

import picocli.CommandLine.Option;

import java.time.Duration;

/** --wait and its knobs, shared by deploy, rollback and deployments get. */
final class FollowOptions {
    @Option(names = {"--wait", "-w"}, description = "Follow until it ends; the exit code says how it ended.")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30M",
            converter = DurationConverter.class,
            description = "Longest --wait, e.g. 10m, 90s (default 30m); then exit 10, the deployment goes on.")
    Duration timeout;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "PT2S", converter = DurationConverter.class,
            description = "Pause between status reads while waiting (default 2s: 30 reads a minute).")
    Duration poll;
}
