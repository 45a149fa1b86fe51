package dev.dxcp.server.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bash block of README.md's "First steps on the embedded server", run as written with bash, curl and
 * jq, against a server on another port than the README's 8080 (the only change made to it). Each numbered
 * step's output is kept apart, so a test can check what the README promises step by step.
 */
final class ReadmeFirstSteps {
    static final Path README = Path.of("..", "README.md");
    private static final String SECTION = "## First steps on the embedded server";
    private static final Pattern STEP = Pattern.compile("^# (\\d+)\\. ");
    private static final String MARKER = "@@step ";

    private ReadmeFirstSteps() {
    }

    /** The README's first command (its first code block's first line), without its comment. */
    static String startCommand() {
        String readme = readme();
        int start = readme.indexOf("```bash\n") + "```bash\n".length();
        String line = readme.substring(start, readme.indexOf('\n', start));
        int comment = line.indexOf("  #");
        return (comment < 0 ? line : line.substring(0, comment)).trim();
    }

    private static String readme() {
        try {
            return Files.readString(README);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commands as the README shows them. */
    static String script() {
        String readme = readme();
        int section = readme.indexOf(SECTION);
        if (section < 0) {
            throw new IllegalStateException("README.md has no section '" + SECTION + "'");
        }
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        return readme.substring(start, readme.indexOf("\n```", start) + 1);
    }

    /** Runs the steps against {@code localhost:port}; answers each step's output by its number. */
    static Map<Integer, String> run(int port, Duration timeout, Path log) {
        List<String> lines = new ArrayList<>();
        for (String line : script().split("\n")) {
            Matcher step = STEP.matcher(line);
            if (step.find()) {
                lines.add("printf '\\n" + MARKER + step.group(1) + "\\n'");
            }
            lines.add(line.replace("localhost:8080", "localhost:" + port));
        }
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", String.join("\n", lines)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        bash.environment().keySet().removeIf(key -> key.startsWith("DXCP_") || key.startsWith("SERVER_"));
        try {
            Process process = bash.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the README's first steps did not finish within " + timeout + ", see " + log);
            }
            return byStep(Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<Integer, String> byStep(String output) {
        Map<Integer, String> steps = new LinkedHashMap<>();
        String[] parts = output.split("\n" + MARKER);
        for (int i = 1; i < parts.length; i++) {
            int newline = parts[i].indexOf('\n');
            String number = newline < 0 ? parts[i] : parts[i].substring(0, newline);
            steps.put(Integer.parseInt(number.strip()), newline < 0 ? "" : parts[i].substring(newline + 1));
        }
        return steps;
    }
}
