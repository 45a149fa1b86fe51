package dev.dxcp.server.process;

import java.util.Map;

/** The crash tests on PostgreSQL, a database of their own. */
class CrashRecoveryIT extends CrashRecoveryTests {
    @Override
    Map<String, String> settings(String gateUrl) {
        return ProcessSettings.forTestEnvironment(env, "crash", env.postgres.createDatabase("crash"), gateUrl);
    }
}
