package dev.dxcp.server.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import java.nio.file.Path;

/**
 * Serves {@code dxcp.data-dir} (DXCP_DATA_DIR, default {@code ./data}) resolved against the working
 * directory the server was started in: absolute, without "." or ".." components. Everything under the data
 * directory (the embedded database, whose URL refers to this setting, the development issuer's key, the
 * embedded artifact store) then sees one clean path, whatever the spelling given: H2 refuses a relative
 * path that does not start with "./", and the embedded S3 server refused every bucket under a root spelled
 * with "./" (docs/DECISIONS.md 60).
 *
 * <p>The source is consulted before all others and resolves at each read, not once here, because settings
 * may still be added to the environment after this runs (as tests add theirs).</p>
 */
public class DataDirectorySetting implements EnvironmentPostProcessor {
    static final String PROPERTY = "dxcp.data-dir";
    static final String DEFAULT = "./data";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new Resolved(environment));
    }

    /** Blank means the default; the result is absolute and normalized. */
    static String resolve(String given) {
        String value = given == null || given.isBlank() ? DEFAULT : given.strip();
        return Path.of(value).toAbsolutePath().normalize().toString();
    }

    /** Holds the environment in a field: a source whose source is an environment would be walked into. */
    private static final class Resolved extends PropertySource<Object> {
        private final ConfigurableEnvironment environment;

        Resolved(ConfigurableEnvironment environment) {
            super("dxcpResolvedDataDir");
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            if (!PROPERTY.equals(name)) {
                return null;
            }
            for (PropertySource<?> source : environment.getPropertySources()) {
                if (source == this || ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                    continue;
                }
                Object given = source.getProperty(name);
                if (given != null) {
                    return resolve(environment.resolvePlaceholders(given.toString()));
                }
            }
            return resolve(DEFAULT);
        }
    }
}
