package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.server.http.build.BuildRegistrationSchema;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Idempotency-Key remembered by an earlier version (its answer stored as rendered status and body,
 * no payload revision) replays that answer unchanged through the running server: the upcaster is in the
 * event store's chain (governance §6).
 */
class StoredAnswerEndToEndTest extends EndToEndTest {

    @Test
    void aKeyRememberedAsARenderedBodyReplaysThatBodyUnchanged() {
        // What the earlier version rendered: an answer of the API document (every end-to-end answer is
        // validated against it), here another build's, so only a replay of the stored bytes can return it.
        Response earlier = register(ci("stored-answer"), UUID.randomUUID().toString(),
                buildBody("e2e-svc-1", uniqueVersion()));
        assertThat(earlier.status()).as(earlier.body()).isEqualTo(201);
        String rendered = earlier.body();
        Map<String, Object> body = buildBody("e2e-svc-1", uniqueVersion());
        String key = UUID.randomUUID().toString();
        String scope = new IdempotencyKeyUse(key, "POST", "/v1/builds/register").scope();
        String fingerprint = BuildRegistrationSchema.parse(TestHttp.JSON.valueToTree(body)).fingerprint();
        storeAsBefore("idem/" + scope, fingerprint, rendered);

        Response replay = register(ci("stored-answer"), key, body);

        assertThat(replay.status()).as(replay.body()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).contains("true");
        assertThat(replay.body()).isEqualTo(rendered);
    }

    private void storeAsBefore(String keyId, String fingerprint, String rendered) {
        ObjectNode payload = TestHttp.JSON.createObjectNode();
        payload.put("idempotencyKeyId", keyId);
        payload.put("fingerprint", fingerprint);
        payload.put("status", 201);
        payload.put("body", rendered);
        payload.put("resourceId", "legacy");
        payload.put("recordedAt", Instant.now().toString());
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "metadata, payload, payloadrevision, payloadtype, timestamp) "
                        + "VALUES (?, 0, ?, ?, ?, ?, NULL, ?, ?)",
                keyId, "IdempotencyKey", UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                payload.toString().getBytes(StandardCharsets.UTF_8),
                "dev.dxcp.events.idempotency.IdempotencyMessages$IdempotentResponseRecorded", Instant.now().toString());
    }
}
