package dev.dxcp.saga.spinnaker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What DXCP asks the engine to run (domain-and-state §16). {@code principal} is the end user: it goes
 * into the trigger body's {@code user}, the one place Gate keeps it verbatim (spinnaker-gate §3.1), and
 * into {@code X-Spinnaker-User}. Deploys carry {@code artifactRef} (with bucket and key), rollbacks
 * {@code targetVersion}.
 */
public record TriggerRequest(String principal, String requestId, String idempotencyKey, String service,
                             String version, String targetVersion, String artifactRef, String s3Bucket,
                             String s3Key, String deploymentId) {

    public TriggerRequest {
        require(principal, "principal");
        require(idempotencyKey, "idempotencyKey");
        require(service, "service");
        require(version, "version");
    }

    public static TriggerRequest deploy(String principal, String requestId, String idempotencyKey, String service,
                                        String version, String artifactRef, String s3Bucket, String s3Key) {
        return new TriggerRequest(principal, requestId, idempotencyKey, service, version, null, artifactRef,
                s3Bucket, s3Key, null);
    }

    public static TriggerRequest rollback(String principal, String requestId, String idempotencyKey, String service,
                                          String version, String targetVersion) {
        return new TriggerRequest(principal, requestId, idempotencyKey, service, version, targetVersion, null,
                null, null, null);
    }

    /**
     * The same request, tagged with DXCP's deployment id. Gate keeps unknown trigger keys verbatim, so
     * after a crash DXCP can search for the execution it may already have started for this deployment.
     */
    public TriggerRequest forDeployment(String id) {
        return new TriggerRequest(principal, requestId, idempotencyKey, service, version, targetVersion, artifactRef,
                s3Bucket, s3Key, id);
    }

    /** The pipeline parameters; optional ones are left out rather than sent empty. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("service", service);
        p.put("version", version);
        putIfPresent(p, "targetVersion", targetVersion);
        putIfPresent(p, "artifactRef", artifactRef);
        putIfPresent(p, "s3Bucket", s3Bucket);
        putIfPresent(p, "s3Key", s3Key);
        return p;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required to trigger an execution");
        }
    }
}
