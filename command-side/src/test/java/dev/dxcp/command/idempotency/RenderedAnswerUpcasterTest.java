package dev.dxcp.command.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.command.upcasting.StoredEvents;
import dev.dxcp.events.idempotency.Answer;
import dev.dxcp.events.idempotency.IdempotencyMessages.CheckIdempotency;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotentResponseRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys remembered before answers were values (payloads exactly as stored then) still load and replay their
 * first answer byte for byte (governance §6).
 */
class RenderedAnswerUpcasterTest {
    private static final RenderedAnswerUpcaster UPCASTER = new RenderedAnswerUpcaster();

    @ParameterizedTest
    @ValueSource(strings = {"idempotent-response-recorded-build.json",
            "idempotent-response-recorded-upload-capability.json", "idempotent-response-recorded-deploy.json",
            "idempotent-response-recorded-rollback-by-admin.json"})
    void aStoredResponseLoadsAsAnAnswerHoldingItsRenderedBody(String fixture) throws Exception {
        JsonNode stored = StoredEvents.SERIALIZER.getObjectMapper().readTree(StoredEvents.bytes(fixture));

        IdempotentResponseRecorded event = StoredEvents.load(fixture, IdempotentResponseRecorded.class, UPCASTER);

        assertThat(event.idempotencyKeyId()).isEqualTo(stored.get("idempotencyKeyId").asText());
        assertThat(event.fingerprint()).isEqualTo(stored.get("fingerprint").asText());
        assertThat(event.resourceId()).isEqualTo(stored.get("resourceId").asText());
        assertThat(event.recordedAt()).isEqualTo(Instant.parse(stored.get("recordedAt").asText()));
        assertThat(event.answer().renderedStatus()).isEqualTo(201);
        assertThat(event.answer().renderedBody()).isEqualTo(stored.get("body").asText());
        assertThat(event.answer().outcome()).isEqualTo(Answer.Outcome.CREATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"idempotent-response-recorded-build.json", "idempotent-response-recorded-deploy.json"})
    void aKeyRememberedBeforeTheChangeReplaysItsStoredBody(String fixture) {
        IdempotentResponseRecorded event = StoredEvents.load(fixture, IdempotentResponseRecorded.class, UPCASTER);

        new AggregateTestFixture<>(IdempotencyKey.class)
                .given(event)
                .when(new CheckIdempotency(event.idempotencyKeyId(), event.fingerprint(),
                        event.recordedAt().plusSeconds(60), Duration.ofHours(24)))
                .expectNoEvents()
                .expectResultMessagePayload(IdempotencyVerdict.replay(event.answer(), event.resourceId()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"idempotent-response-recorded-build.json"})
    void aRevisionTwoEventIsLeftAlone(String fixture) {
        var upcast = UPCASTER.upcast(java.util.stream.Stream.of(
                StoredEvents.stored(fixture, IdempotentResponseRecorded.class))).toList();
        var twice = UPCASTER.upcast(upcast.stream()).toList();

        assertThat(twice.get(0).getType().getRevision()).isEqualTo("2");
        assertThat(twice.get(0).getData(JsonNode.class).getData())
                .isEqualTo(upcast.get(0).getData(JsonNode.class).getData());
    }
}
