package dev.dxcp.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.Pause;
import dev.dxcp.cli.http.ApiClient;
import dev.dxcp.cli.http.ApiError;

import java.time.Duration;

/**
 * Reads made while following something long-running. A 429 RATE_LIMITED there is not the end of the
 * thing followed (the per-actor read rate is 60 a minute by default, governance §7, and the user may be
 * reading elsewhere too): wait for the next rate window and read again, a few times, saying so once.
 */
public final class PatientReads {
    private static final Duration RATE_WINDOW_WAIT = Duration.ofSeconds(15);
    private static final int ATTEMPTS = 8;

    private final CliContext cli;
    private final ApiClient api;
    private boolean told;

    public PatientReads(CliContext cli) {
        this.cli = cli;
        this.api = cli.api();
    }

    public JsonNode get(String path) {
        for (int attempt = 1; ; attempt++) {
            try {
                return api.get(path).json();
            } catch (ApiError error) {
                if (!"RATE_LIMITED".equals(error.code()) || attempt == ATTEMPTS) {
                    throw error;
                }
                if (!told) {
                    cli.err().println("(read rate limit reached; waiting for the next minute's allowance)");
                    cli.err().flush();
                    told = true;
                }
                Pause.of(RATE_WINDOW_WAIT);
            }
        }
    }
}
