package dev.dxcp.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CliFailure;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * GET /v1/audit/replay as NDJSON on standard output, one stored event per line, oldest first, ready
 * for jq. The server's closing line ({@code next_after}, {@code limit_reached}) is consumed here: the
 * CLI pages on with {@code after=next_after} until the history is read, resumes a stream cut short
 * from the last position it printed, and can keep that position in a file for the next run.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Stream stored events as NDJSON (one JSON object per line), oldest first.",
                "dxcp audit replay --service demo-service | jq -r '.event_type'"})
public final class ReplayCommand extends DxcpCommand {
    private static final int MAX_RESUMES = 5;

    @Option(names = "--after", paramLabel = "POSITION", description = "Only events after this position.")
    Long after;

    @Option(names = "--until", paramLabel = "POSITION", description = "Up to this position, inclusive.")
    Long until;

    @Option(names = "--from", paramLabel = "TIME", description = "Events at or after this time (ISO-8601).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Events at or before this time (ISO-8601).")
    String to;

    @Option(names = "--type", paramLabel = "TYPE[,TYPE]", description = "Event types, e.g. DeploymentAccepted.")
    String eventType;

    @Option(names = "--service")
    String service;

    @Option(names = "--group", paramLabel = "DELIVERY_GROUP")
    String group;

    @Option(names = "--env", paramLabel = "ENV")
    String environment;

    @Option(names = "--actor")
    String actor;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N events.")
    Long max;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1000", description = "Events per request (default 1000).")
    int page;

    @Option(names = "--cursor-file", paramLabel = "FILE",
            description = "Start after the position saved in FILE (when it exists) and save the last position there.")
    Path cursorFile;

    ReplayCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        ApiClient api = cli.api();
        Long cursor = after != null ? after : savedCursor();
        long printed = 0;
        int resumes = 0;
        while (max == null || printed < max) {
            long limit = max == null ? page : Math.min(page, max - printed);
            Page result = page(api, cursor, limit);
            printed += result.events;
            if (result.lastPosition != null) {
                cursor = result.lastPosition;
                saveCursor(cursor);
            }
            if (result.trailer == null) {
                // Cut short: resume after the last event printed, a few times while it makes progress.
                if (result.events == 0 && ++resumes > MAX_RESUMES) {
                    throw new CliFailure(ExitCode.SERVER, "The replay stream keeps breaking off; resume with --after "
                            + (cursor == null ? 0 : cursor));
                }
                continue;
            }
            resumes = 0;
            cursor = result.trailer.path("next_after").asLong();
            saveCursor(cursor);
            if (!result.trailer.path("limit_reached").asBoolean()) {
                break;
            }
        }
        cli.out().flush();
        cli.err().println("Replayed " + printed + " events; continue with --after " + (cursor == null ? 0 : cursor));
        cli.err().flush();
        return ExitCode.OK;
    }

    private record Page(long events, Long lastPosition, JsonNode trailer) {
    }

    private Page page(ApiClient api, Long cursor, long limit) {
        String path = ApiClient.path("/v1/audit/replay", "after", cursor, "until", until, "from", from, "to", to,
                "event_type", eventType, "service", service, "delivery_group_id", group, "environment", environment,
                "actor", actor, "limit", limit);
        long events = 0;
        Long last = null;
        JsonNode trailer = null;
        try (Stream<String> lines = api.lines(path)) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = CliContext.JSON.readTree(line);
                if (node.has("next_after") && !node.has("position")) {
                    trailer = node;
                    continue;
                }
                cli.out().println(line);
                events++;
                last = node.path("position").asLong();
            }
        } catch (IOException | UncheckedIOException brokenOff) {
            // The stream broke off mid-way: what was printed stays printed; the caller resumes.
        }
        return new Page(events, last, trailer);
    }

    private Long savedCursor() {
        if (cursorFile == null || !Files.exists(cursorFile)) {
            return null;
        }
        try {
            return Long.parseLong(Files.readString(cursorFile).trim());
        } catch (IOException | NumberFormatException e) {
            throw new CliFailure(ExitCode.ERROR, "Cannot read a position from " + cursorFile + ": " + e.getMessage());
        }
    }

    private void saveCursor(long position) {
        if (cursorFile == null) {
            return;
        }
        try {
            Files.writeString(cursorFile, position + "\n");
        } catch (IOException e) {
            throw new CliFailure(ExitCode.ERROR, "Cannot write " + cursorFile + ": " + e.getMessage());
        }
    }
}
