package dev.dxcp.server.deploy;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the files in deploy/ set and probe, read the way a container runtime or Kubernetes reads them. */
public final class DeployFiles {
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Pattern SETTING = Pattern.compile("DXCP_[A-Z0-9_]+");
    private static final Pattern CONTAINERFILE_ENV = Pattern.compile("(DXCP_[A-Z0-9_]+)=");
    private static final Pattern HEALTHCHECK_URL = Pattern.compile("HEALTHCHECK[\\s\\S]*?https?://[^/\\s]+(/\\S*)");

    private DeployFiles() {
    }

    public static String read(String relative) {
        try {
            return Files.readString(DEPLOY.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Kubernetes object in a manifest file. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> kubernetes(String file) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(read("kubernetes/" + file))) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return objects;
    }

    public static Map<String, Object> kubernetesObject(String file, String kind) {
        return kubernetes(file).stream().filter(o -> kind.equals(o.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + file));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> composeServices() {
        Map<String, Object> compose = new Yaml().load(read("compose/compose.yaml"));
        return (Map<String, Object>) compose.get("services");
    }

    /** DXCP_* names the deploy files give a value: the image, compose, the ConfigMap, the Secret, the Deployment. */
    @SuppressWarnings("unchecked")
    public static Set<String> settingsSet() {
        Set<String> names = new TreeSet<>();
        Matcher image = CONTAINERFILE_ENV.matcher(read("Containerfile"));
        while (image.find()) {
            names.add(image.group(1));
        }
        for (Object service : composeServices().values()) {
            Object environment = ((Map<String, Object>) service).get("environment");
            if (environment instanceof Map<?, ?> map) {
                map.keySet().forEach(key -> names.add(key.toString()));
            }
        }
        names.addAll(((Map<String, Object>) kubernetesObject("configmap.yaml", "ConfigMap").get("data")).keySet());
        names.addAll(((Map<String, Object>) kubernetesObject("secret.yaml", "Secret").get("stringData")).keySet());
        for (Map<String, Object> container : containers()) {
            for (Object variable : (List<Object>) container.getOrDefault("env", List.of())) {
                names.add(((Map<String, Object>) variable).get("name").toString());
            }
        }
        names.removeIf(name -> !name.startsWith("DXCP_"));
        return names;
    }

    /** The DXCP_* names in the README's configuration table (rows of the table, not prose). */
    public static Set<String> documentedSettings() {
        try {
            Set<String> names = new TreeSet<>();
            for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
                if (line.startsWith("| `")) {
                    Matcher setting = SETTING.matcher(line.substring(0, line.indexOf('|', 1)));
                    while (setting.find()) {
                        names.add(setting.group());
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> containers() {
        Map<String, Object> spec = (Map<String, Object>) kubernetesObject("deployment.yaml", "Deployment").get("spec");
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        return (List<Map<String, Object>>) pod.get("containers");
    }

    /** The HTTP path of a probe of the DXCP container (readinessProbe, livenessProbe, startupProbe). */
    @SuppressWarnings("unchecked")
    public static String probePath(String probe) {
        Map<String, Object> definition = (Map<String, Object>) containers().get(0).get(probe);
        return ((Map<String, Object>) definition.get("httpGet")).get("path").toString();
    }

    /** The path the image's HEALTHCHECK asks for. */
    public static String imageHealthCheckPath() {
        Matcher url = HEALTHCHECK_URL.matcher(read("Containerfile"));
        if (!url.find()) {
            throw new AssertionError("the Containerfile has no HEALTHCHECK with a URL");
        }
        return url.group(1);
    }
}
