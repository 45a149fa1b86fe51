package dev.dxcp.testsupport.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @Test
    void aDirectoryWithoutServerProgramsIsNotABinDir(@TempDir Path empty) {
        assertFalse(PostgresBinaries.hasServerPrograms(empty));
        assertFalse(PostgresBinaries.hasServerPrograms(null));
    }

    @Test
    void discoveryFindsServerProgramsOnThisMachine() {
        // Dev machines and CI have PostgreSQL binaries and no Docker: without them nothing else can run.
        Path binDir = PostgresBinaries.discover().orElseThrow(() -> new AssertionError("no PostgreSQL binaries found"));
        assertTrue(PostgresBinaries.hasServerPrograms(binDir), binDir.toString());
    }

    @Test
    void externalUrlIsSplitIntoHostPortAndAdminDatabase() {
        ExternalServer server = new ExternalServer("jdbc:postgresql://db.internal:6543/admin", "u", "p");
        assertEquals("db.internal", server.host());
        assertEquals(6543, server.port());
        assertEquals("admin", server.adminDatabase());

        ExternalServer defaults = new ExternalServer("jdbc:postgresql://localhost/", "u", "p");
        assertEquals(5432, defaults.port());
        assertEquals("postgres", defaults.adminDatabase());
    }

    @Test
    void externalUrlMustBeAPostgresJdbcUrl() {
        assertThrows(IllegalArgumentException.class, () -> new ExternalServer("postgres://x/y", "u", "p"));
    }
}
