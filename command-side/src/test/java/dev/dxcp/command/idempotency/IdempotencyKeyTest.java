package dev.dxcp.command.idempotency;

import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityIssued;
import dev.dxcp.events.idempotency.Answer;
import dev.dxcp.events.idempotency.IdempotencyMessages.CheckIdempotency;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotentResponseRecorded;
import dev.dxcp.events.idempotency.IdempotencyMessages.RememberAnswer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class IdempotencyKeyTest {
    private static final String KEY = "idem/abc";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private AggregateTestFixture<IdempotencyKey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IdempotencyKey.class);
    }

    private static final Answer ANSWER = Answer.uploadCapability(new UploadCapabilityIssued("upload/x", "b1",
            "demo-service", "1.0.0", 10, "a".repeat(64), "application/zip", T0, T0.plusSeconds(900)));

    private static IdempotentResponseRecorded recorded(String fingerprint) {
        return new IdempotentResponseRecorded(KEY, fingerprint, ANSWER, "b1", T0);
    }

    @Test
    void unknownKeyIsFreshAndRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new CheckIdempotency(KEY, "fp1", T0, DAY))
                .expectNoEvents()
                .expectResultMessagePayload(IdempotencyVerdict.fresh());
    }

    @Test
    void sameFingerprintReplaysTheRememberedAnswer() {
        fixture.given(recorded("fp1"))
                .when(new CheckIdempotency(KEY, "fp1", T0.plusSeconds(60), DAY))
                .expectNoEvents()
                .expectResultMessagePayload(IdempotencyVerdict.replay(ANSWER, "b1"));
    }

    @Test
    void differentFingerprintUnderTheSameKeyIsAConflict() {
        fixture.given(recorded("fp1"))
                .when(new CheckIdempotency(KEY, "fp2", T0.plusSeconds(60), DAY))
                .expectResultMessagePayload(IdempotencyVerdict.conflict());
    }

    @Test
    void keyOlderThanTheWindowIsForgotten() {
        fixture.given(recorded("fp1"))
                .when(new CheckIdempotency(KEY, "fp2", T0.plus(DAY).plusSeconds(1), DAY))
                .expectResultMessagePayload(IdempotencyVerdict.fresh());
    }

    @Test
    void rememberingAnAnswerRecordsItWithTheFingerprint() {
        fixture.givenNoPriorActivity()
                .when(new RememberAnswer(KEY, "fp1", ANSWER, "b1", T0))
                .expectEvents(recorded("fp1"));
    }
}
