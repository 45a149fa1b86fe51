package dev.dxcp.saga.engine;

import dev.dxcp.events.settings.EngineAdapterSettings.Secret;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the engine adapter's secrets live: start-up secrets in this process's configuration
 * ({@code startup:<field>}), secrets an admin saved in the {@code engine_adapter_secret} table
 * ({@code stored:<uuid>}), shared by every instance. Settings events carry only these references.
 */
public class EngineSecrets implements SecretValues {
    private static final String STARTUP = "startup:";
    private static final String STORED = "stored:";

    private final JdbcTemplate jdbc;
    private final Map<String, String> startup;
    private final Clock clock;
    /** A stored reference never changes its value, so what was read once can be kept. */
    private final Map<String, String> read = new ConcurrentHashMap<>();

    /** @param startupSecrets the secrets start-up configuration gives (DXCP_GATE_*), by the secret they are */
    public EngineSecrets(JdbcTemplate jdbc, Map<Secret, String> startupSecrets, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        Map<String, String> values = new ConcurrentHashMap<>();
        startupSecrets.forEach((secret, value) -> putIfPresent(values, secret, value));
        this.startup = Map.copyOf(values);
    }

    public static String startupRef(Secret secret) {
        return STARTUP + secret.field();
    }

    /** Saves a secret under a new reference; the caller puts the reference, never the value, in a command. */
    public String store(String value) {
        String ref = STORED + UUID.randomUUID();
        jdbc.update("INSERT INTO engine_adapter_secret (secret_ref, secret_value, stored_at) VALUES (?, ?, ?)", ref,
                value, Timestamp.from(clock.instant()));
        read.put(ref, value);
        return ref;
    }

    @Override
    public Optional<String> of(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        if (ref.startsWith(STARTUP)) {
            return Optional.ofNullable(startup.get(ref));
        }
        String known = read.get(ref);
        if (known != null) {
            return Optional.of(known);
        }
        List<String> rows = jdbc.queryForList("SELECT secret_value FROM engine_adapter_secret WHERE secret_ref = ?",
                String.class, ref);
        rows.stream().findFirst().ifPresent(value -> read.put(ref, value));
        return rows.stream().findFirst();
    }

    /**
     * Deletes saved secrets the settings no longer name, so a rotated-out secret leaves the database.
     * Only rows older than {@code grace}: a racing write may have stored one its command has not committed yet.
     */
    public int forgetAllBut(Collection<String> inUse, Duration grace) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(Timestamp.from(clock.instant().minus(grace)));
        StringBuilder sql = new StringBuilder("DELETE FROM engine_adapter_secret WHERE stored_at < ?");
        List<String> kept = inUse.stream().filter(ref -> ref != null && ref.startsWith(STORED)).toList();
        if (!kept.isEmpty()) {
            sql.append(" AND secret_ref NOT IN (").append("?,".repeat(kept.size() - 1)).append("?)");
            arguments.addAll(kept);
        }
        int deleted = jdbc.update(sql.toString(), arguments.toArray());
        read.keySet().retainAll(kept);
        return deleted;
    }

    private static void putIfPresent(Map<String, String> values, Secret secret, String value) {
        if (value != null && !value.isBlank()) {
            values.put(startupRef(secret), value);
        }
    }
}
