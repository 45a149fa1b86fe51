package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.Cli;
import dev.dxcp.cli.CliContext;
import dev.dxcp.testsupport.http.TestHttp;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs dxcp command lines in this JVM, the way the jar's main does, with an environment of the test's
 * choosing (a CI system's variables, a config directory of its own) and captured output.
 */
final class CliRun {
    private final Map<String, String> env = new HashMap<>();

    CliRun() {
        try {
            env.put("XDG_CONFIG_HOME", Files.createTempDirectory("dxcp-cli-config").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("HOME", env.get("XDG_CONFIG_HOME"));
    }

    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return TestHttp.JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRun env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    Path configFile() {
        return Path.of(env.get("XDG_CONFIG_HOME"), "dxcp", "config.json");
    }

    Map<String, String> environment() {
        return Map.copyOf(env);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true),
                Clock.systemUTC(), false);
        int exit = Cli.run(context, args);
        return new Result(exit, out.toString(), err.toString());
    }
}
