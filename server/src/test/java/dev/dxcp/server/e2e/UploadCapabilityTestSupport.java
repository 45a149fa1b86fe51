package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Helpers for the upload-capability flow (api-contract §7): announce an artifact, then register the
 * build it proves through POST /v1/builds. Service e2e-svc-8 is reserved for these tests.
 */
abstract class UploadCapabilityTestSupport extends EndToEndTest {
    static final String SERVICE = "e2e-svc-8";
    static final String CAPABILITIES = "/v1/builds/upload-capability";
    static final String ZIP = "application/zip";

    /** A fresh digest, 64 lower-case hex characters. */
    protected static String sha() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    protected static Map<String, Object> announcement(String version, long size, String sha, String contentType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", SERVICE);
        body.put("version", version);
        body.put("expectedSizeBytes", size);
        body.put("expectedSha256", sha);
        body.put("contentType", contentType);
        return body;
    }

    protected Response issue(String token, Map<String, Object> announcement) {
        return issue(token, UUID.randomUUID().toString(), announcement);
    }

    protected Response issue(String token, String key, Map<String, Object> announcement) {
        return post(CAPABILITIES, token, announcement, "Idempotency-Key", key);
    }

    /** A POST /v1/builds body: the registration fields plus the integrity the client asserts. */
    protected Map<String, Object> uploadedBuild(String version, long size, String sha, String contentType) {
        Map<String, Object> body = buildBody(SERVICE, version);
        body.put("sha256", sha);
        body.put("sizeBytes", size);
        body.put("contentType", contentType);
        return body;
    }

    protected Response postBuild(String token, Map<String, Object> body) {
        return postBuild(token, UUID.randomUUID().toString(), body);
    }

    protected Response postBuild(String token, String key, Map<String, Object> body) {
        return post("/v1/builds", token, body, "Idempotency-Key", key);
    }
}
