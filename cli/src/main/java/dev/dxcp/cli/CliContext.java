package dev.dxcp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.cli.auth.ConfigFile;
import dev.dxcp.cli.auth.Credentials;
import dev.dxcp.cli.http.ApiClient;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command runs with: the process environment, standard output and error, the clock, the config
 * file and the global options. Passed in rather than read from {@code System} so tests run the CLI in
 * process with the environment of a CI system.
 */
public final class CliContext {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;
    private final boolean interactive;
    private OutputFormat output = OutputFormat.TABLE;
    private String server;
    private String contextName;
    private ApiClient client;

    public CliContext(Map<String, String> env, PrintWriter out, PrintWriter err, Clock clock, boolean interactive) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.interactive = interactive;
    }

    /** An environment variable; empty and blank values count as unset (CI systems export empty ones). */
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Clock clock() {
        return clock;
    }

    /** True when standard error is a terminal: progress lines are redrawn in place only then. */
    public boolean interactive() {
        return interactive;
    }

    public OutputFormat output() {
        return output;
    }

    public void output(OutputFormat output) {
        this.output = output;
    }

    public void server(String server) {
        this.server = server;
    }

    public String serverOption() {
        return server;
    }

    public void contextName(String contextName) {
        this.contextName = contextName;
    }

    public String contextOption() {
        return contextName != null ? contextName : env("DXCP_CONTEXT");
    }

    /** $XDG_CONFIG_HOME/dxcp/config.json, else ~/.config/dxcp/config.json; DXCP_CONFIG overrides both. */
    public ConfigFile config() {
        String explicit = env("DXCP_CONFIG");
        if (explicit != null) {
            return new ConfigFile(Path.of(explicit));
        }
        String xdg = env("XDG_CONFIG_HOME");
        Path base = xdg != null ? Path.of(xdg) : Path.of(home(), ".config");
        return new ConfigFile(base.resolve("dxcp").resolve("config.json"));
    }

    private String home() {
        String home = env("HOME");
        return home != null ? home : System.getProperty("user.home");
    }

    /** The API client for the selected server and credentials, created on first use. */
    public ApiClient api() {
        if (client == null) {
            client = new Credentials(this).client();
        }
        return client;
    }
}
