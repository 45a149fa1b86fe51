package dev.dxcp.server.process;

import dev.dxcp.server.e2e.DxcpTestEnvironment;

import java.util.HashMap;
import java.util.Map;

/** The DXCP_* settings of a server process on the shared test environment (IdP, S3, registry) and a database of its own. */
final class ProcessSettings {
    private ProcessSettings() {
    }

    static Map<String, String> forTestEnvironment(DxcpTestEnvironment env, String name, String databaseUrl,
                                                  String gateUrl) {
        Map<String, String> settings = onEmbeddedDatabase(env, name, gateUrl);
        settings.put("DXCP_DB_URL", databaseUrl);
        settings.put("DXCP_DB_USER", env.postgres.user());
        settings.put("DXCP_DB_PASSWORD", env.postgres.password());
        return settings;
    }

    /** No DXCP_DB_URL: the embedded file database under the server's own DXCP_DATA_DIR. */
    static Map<String, String> onEmbeddedDatabase(DxcpTestEnvironment env, String name, String gateUrl) {
        Map<String, String> settings = new HashMap<>();
        settings.put("DXCP_OIDC_ISSUER", env.identity.issuer());
        settings.put("DXCP_OIDC_AUDIENCE", env.identity.audience());
        settings.put("DXCP_OIDC_JWKS_URL", env.identity.jwksUrl());
        settings.put("DXCP_S3_ENDPOINT", env.s3.endpoint().toString());
        settings.put("DXCP_ARTIFACT_BUCKET", DxcpTestEnvironment.BUCKET);
        settings.put("AWS_ACCESS_KEY_ID", env.s3.accessKey());
        settings.put("AWS_SECRET_ACCESS_KEY", env.s3.secretKey());
        settings.put("DXCP_DATA_DIR", env.dataDir.resolve(name).toString());
        settings.put("DXCP_SERVICE_REGISTRY_FILE", env.registryFile.toString());
        settings.put("DXCP_GATE_URL", gateUrl);
        return settings;
    }
}
