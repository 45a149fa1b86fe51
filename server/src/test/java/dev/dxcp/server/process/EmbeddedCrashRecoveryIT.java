package dev.dxcp.server.process;

import java.util.Map;

/**
 * The crash tests on the embedded database (no DXCP_DB_URL: the H2 file database under DXCP_DATA_DIR).
 * It once kept about the last second of commits in memory, so a SIGKILL lost registrations already
 * answered 201.
 */
class EmbeddedCrashRecoveryIT extends CrashRecoveryTests {
    @Override
    Map<String, String> settings(String gateUrl) {
        return ProcessSettings.onEmbeddedDatabase(env, "crash-embedded", gateUrl);
    }
}
