package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the CI templates of integrations/ the way their CI system would, with bash and the environment
 * that system sets: the GitHub composite action step by step (inputs mapped through each step's env,
 * GITHUB_ENV and GITHUB_OUTPUT files, "uses" steps skipped), the GitLab template's hidden jobs with
 * extends, variables, before_script and script. Only the expressions the templates use are understood;
 * any other fails the test, so a template cannot drift beyond what is exercised here.
 */
final class CiTemplates {
    static final Path ROOT = Path.of("..", "integrations");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}");

    private CiTemplates() {
    }

    record Run(int exit, String log, Map<String, String> outputs) {
    }

    static Run githubAction(Map<String, String> inputs, Map<String, String> githubEnv) throws Exception {
        Path actionDir = ROOT.resolve("github-action").toAbsolutePath().normalize();
        JsonNode action = YAML.readTree(actionDir.resolve("action.yml").toFile());
        Map<String, String> values = new HashMap<>();
        action.path("inputs").fields().forEachRemaining(input -> {
            String given = inputs.get(input.getKey());
            if (given == null && input.getValue().path("required").asBoolean()) {
                throw new IllegalArgumentException("required input missing: " + input.getKey());
            }
            values.put(input.getKey(), given != null ? given : input.getValue().path("default").asText(""));
        });
        Path work = Files.createTempDirectory("dxcp-gha");
        Path envFile = Files.createFile(work.resolve("github_env"));
        Map<String, String> exported = new LinkedHashMap<>();
        Map<String, String> outputs = new LinkedHashMap<>();
        StringBuilder log = new StringBuilder();
        for (JsonNode step : action.path("runs").path("steps")) {
            if (step.has("uses")) {
                continue;
            }
            if (step.has("if") && !condition(step.path("if").asText(), values)) {
                continue;
            }
            Path outputFile = Files.createTempFile(work, "output", "");
            Map<String, String> env = new HashMap<>(githubEnv);
            env.putAll(exported);
            env.put("GITHUB_ENV", envFile.toString());
            env.put("GITHUB_OUTPUT", outputFile.toString());
            step.path("env").fields().forEachRemaining(e -> env.put(e.getKey(),
                    substitute(e.getValue().asText(), values, actionDir)));
            int exit = bash(substitute(step.path("run").asText(), values, actionDir), env, work, log);
            for (String line : Files.readAllLines(envFile)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    exported.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            String id = step.path("id").asText("");
            for (String line : Files.readAllLines(outputFile)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !id.isEmpty()) {
                    outputs.put(id + "." + line.substring(0, eq), line.substring(eq + 1));
                }
            }
            if (exit != 0) {
                return new Run(exit, log.toString(), outputs);
            }
        }
        return new Run(0, log.toString(), outputs);
    }

    static Run gitlabJob(String job, Map<String, String> pipelineVariables) throws Exception {
        ObjectNode template = (ObjectNode) YAML.readTree(ROOT.resolve("gitlab").resolve("dxcp.gitlab-ci.yml").toFile());
        JsonNode resolved = resolve(template, job);
        Map<String, String> env = new HashMap<>();
        resolved.path("variables").fields().forEachRemaining(v -> env.put(v.getKey(), v.getValue().asText()));
        // Project and pipeline variables win over the template's defaults, as in GitLab.
        env.putAll(pipelineVariables);
        List<String> lines = new ArrayList<>();
        resolved.path("before_script").forEach(line -> lines.add(line.asText()));
        resolved.path("script").forEach(line -> lines.add(line.asText()));
        StringBuilder log = new StringBuilder();
        Path work = Files.createTempDirectory("dxcp-gitlab");
        env.put("CI_PROJECT_DIR", work.toString());
        int exit = bash(String.join("\n", lines), env, work, log);
        return new Run(exit, log.toString(), Map.of());
    }

    /** GitLab's extends: hashes merged deeply, everything else replaced by the extending job. */
    private static JsonNode resolve(ObjectNode template, String job) {
        JsonNode definition = template.path(job);
        if (definition.isMissingNode()) {
            throw new IllegalArgumentException("no job " + job);
        }
        ObjectNode merged = YAML.createObjectNode();
        if (definition.has("extends")) {
            merged.setAll((ObjectNode) resolve(template, definition.path("extends").asText()).deepCopy());
        }
        definition.fields().forEachRemaining(field -> {
            if (field.getValue().isObject() && merged.path(field.getKey()).isObject()) {
                ((ObjectNode) merged.path(field.getKey())).setAll((ObjectNode) field.getValue());
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    private static boolean condition(String expression, Map<String, String> inputs) {
        Matcher notEmpty = Pattern.compile("inputs\\.([\\w-]+) != ''").matcher(expression.trim());
        if (!notEmpty.matches()) {
            throw new IllegalStateException("condition the test runner does not understand: " + expression);
        }
        return !inputs.getOrDefault(notEmpty.group(1), "").isEmpty();
    }

    private static String substitute(String text, Map<String, String> inputs, Path actionDir) {
        Matcher matcher = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String expression = matcher.group(1);
            String value;
            if (expression.startsWith("inputs.")) {
                value = inputs.get(expression.substring("inputs.".length()));
            } else if (expression.equals("github.action_path")) {
                value = actionDir.toString();
            } else {
                throw new IllegalStateException("expression the test runner does not understand: " + expression);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** bash -eo pipefail, as both CI systems run a bash step; output appended to the log. */
    private static int bash(String script, Map<String, String> env, Path workDir, StringBuilder log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
                .directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().put("HOME", workDir.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("CI step did not end:\n" + output);
        }
        log.append(output);
        return process.exitValue();
    }

    static Path cliJar() {
        Path jar = Path.of("..", "cli", "target", "dxcp-cli.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new UncheckedIOException(new IOException(jar + " is missing: package the cli module first"));
        }
        return jar;
    }
}
