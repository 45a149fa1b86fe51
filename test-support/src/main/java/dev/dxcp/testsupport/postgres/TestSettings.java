package dev.dxcp.testsupport.postgres;

import java.util.List;
import java.util.Optional;

/** Settings shared by every way of providing the test server; looked up as system property, then env. */
final class TestSettings {

    static final String URL = "DXCP_TEST_DB_URL";
    static final String USER = "DXCP_TEST_DB_USER";
    static final String PASSWORD = "DXCP_TEST_DB_PASSWORD";
    /** auto (default), external, docker or local: lets a developer with Docker still use local binaries. */
    static final String PROVIDER = "DXCP_TEST_DB_PROVIDER";
    /** Directory holding initdb/pg_ctl/postgres, when discovery picks the wrong installation. */
    static final String PG_BIN = "DXCP_PG_BIN";

    static final String ROLE = "dxcp";
    static final String ROLE_PASSWORD = "dxcp";
    static final String ADMIN_DATABASE = "postgres";

    /**
     * TEST-ONLY server settings. They trade crash safety for speed (no fsync, no full-page writes,
     * asynchronous commit); a production server must never run with them. max_connections is high
     * because several Spring contexts, each with its own pool, may share one server in a test JVM.
     */
    static final List<String> SPEED_OVER_DURABILITY = List.of(
            "fsync=off",
            "synchronous_commit=off",
            "full_page_writes=off",
            "max_connections=300",
            "shared_buffers=128MB");

    private TestSettings() {
    }

    /** A system property wins even when blank, so {@code -DNAME=} switches off an environment variable. */
    static Optional<String> lookup(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
