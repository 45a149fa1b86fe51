package dev.dxcp.command.admission;

import dev.dxcp.command.world.CommandWorld;
import dev.dxcp.command.world.CommandWorld.Result;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityIssued;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.events.idempotency.AdmissionOutcome.Kind;
import dev.dxcp.events.idempotency.Answer;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotentResponseRecorded;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.dxcp.command.world.CommandWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission pipeline step by step (governance §5: replay / conflict, mutate rate, quota, the write's
 * own rule, remember), without a server. Each test makes a step refuse while every later step would
 * refuse too, so the first refusing step is the one that answers and nothing after it runs.
 */
class AdmissionPipelineTest {
    private static final IdempotencyKeyUse KEY = new IdempotencyKeyUse("key-1", "POST", "/v1/things");
    private static final Answer FIRST = Answer.uploadCapability(new UploadCapabilityIssued("cap-1", "token-1",
            "svc-a", "1.0.0", 10, "a".repeat(64), "application/zip", T0, T0.plusSeconds(900)));
    private static final Answer SECOND = Answer.uploadCapability(new UploadCapabilityIssued("cap-2", "token-2",
            "svc-a", "2.0.0", 10, "b".repeat(64), "application/zip", T0, T0.plusSeconds(900)));
    private static final Rejection CONFLICT = new Rejection(ErrorCode.IDEMPOTENCY_CONFLICT, "key used for another");

    private final CommandWorld world = new CommandWorld();
    private final Steps steps = new Steps();

    @Test
    void replay_answersWhatTheKeyRemembers_beforeRateQuotaAndDecision() {
        givenAcceptedUnderKey("fp-1", FIRST);
        world.rate.full();
        steps.quotaRefuses().decisionRefuses();

        Result result = world.when(() -> admit("fp-1", "res-2"));

        assertThat(result.kind()).isEqualTo(Kind.REPLAYED);
        assertThat(result.outcome().answer()).isEqualTo(FIRST);
        assertThat(result.charged()).isEmpty();
        assertThat(steps.asked).isEmpty();
        assertThat(result.events()).isEmpty();
    }

    @Test
    void conflict_refusesADifferentRequestUnderTheKey_beforeTheRate() {
        givenAcceptedUnderKey("fp-1", FIRST);
        world.rate.full();
        steps.quotaRefuses();

        Result result = world.when(() -> admit("fp-other", "res-2"));

        assertThat(result.refusal()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(result.charged()).isEmpty();
        assertThat(steps.asked).isEmpty();
        assertThat(steps.denied).isEmpty();
    }

    @Test
    void rate_refusesBeforeTheQuotaIsAsked_andLeavesNoDenial() {
        world.rate.full();
        steps.quotaRefuses();

        Result result = world.when(() -> admit("fp-1", "res-1"));

        assertThat(result.refusal()).isEqualTo("RATE_LIMITED");
        assertThat(result.charged()).containsExactly("res-1");
        assertThat(steps.asked).isEmpty();
        assertThat(steps.denied).isEmpty();
    }

    @Test
    void quota_refusesBeforeTheDecision_andTheRefusalIsRecordedAsADenial() {
        steps.quotaRefuses().decisionRefuses();

        Result result = world.when(() -> admit("fp-1", "res-1"));

        assertThat(result.refusal()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(steps.asked).containsExactly("quota");
        assertThat(steps.denied).containsExactly("QUOTA_EXCEEDED");
        assertThat(steps.spent).isFalse();
    }

    @Test
    void decision_refusal_spendsNothing_andTheKeyRemembersNothing() {
        steps.decisionRefuses();

        Result refused = world.when(() -> admit("fp-1", "res-1"));
        steps.decisionAccepts(SECOND);
        Result retried = world.when(() -> admit("fp-1", "res-2"));

        assertThat(refused.refusal()).isEqualTo("INVALID_VERSION");
        assertThat(steps.denied).isEmpty();
        assertThat(refused.events()).isEmpty();
        assertThat(retried.kind()).as("a retry under the key runs again").isEqualTo(Kind.ACCEPTED);
        assertThat(retried.outcome().answer()).isEqualTo(SECOND);
    }

    @Test
    void decision_auditedRefusal_isRecordedAsADenial() {
        steps.decisionDenies();

        Result result = world.when(() -> admit("fp-1", "res-1"));

        assertThat(result.refusal()).isEqualTo("NO_PRIOR_SUCCESSFUL_VERSION");
        assertThat(steps.denied).containsExactly("NO_PRIOR_SUCCESSFUL_VERSION");
        assertThat(steps.spent).isFalse();
    }

    @Test
    void decision_needingAMeasurement_spendsNothing_andRemembersNothing() {
        steps.decisionMeasures();

        Result result = world.when(() -> admit("fp-1", "res-1"));

        assertThat(result.kind()).isEqualTo(Kind.NEEDS_MEASUREMENT);
        assertThat(steps.spent).isFalse();
        assertThat(result.events()).isEmpty();
    }

    @Test
    void remember_spendsTheQuota_andTheKeyRemembersTheAnswer_chargingTheRateOnce() {
        steps.decisionAccepts(FIRST);

        Result result = world.when(() -> admit("fp-1", "res-1"));

        assertThat(result.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(steps.asked).containsExactly("quota", "decision");
        assertThat(steps.spent).isTrue();
        assertThat(result.charged()).containsExactly("res-1");
        assertThat(result.events(IdempotentResponseRecorded.class)).singleElement()
                .satisfies(recorded -> {
                    assertThat(recorded.idempotencyKeyId()).isEqualTo(KEY.keyId());
                    assertThat(recorded.answer()).isEqualTo(FIRST);
                    assertThat(recorded.resourceId()).isEqualTo("res-1");
                });
    }

    @Test
    void theSameKeyOnAnotherPathIsAnotherKey() {
        givenAcceptedUnderKey("fp-1", FIRST);
        steps.decisionAccepts(SECOND);
        IdempotencyKeyUse elsewhere = new IdempotencyKeyUse(KEY.key(), "POST", "/v1/other");

        Result result = world.when(() -> world.pipeline.admit(ticket(elsewhere, "fp-1", "res-2"), steps.quota(),
                steps.decision(), steps.denials()));

        assertThat(result.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(result.outcome().answer()).isEqualTo(SECOND);
    }

    private void givenAcceptedUnderKey(String fingerprint, Answer answer) {
        Steps accepting = new Steps().decisionAccepts(answer);
        world.when(() -> world.pipeline.admit(ticket(KEY, fingerprint, "res-1"), accepting.quota(),
                accepting.decision(), accepting.denials()));
    }

    private AdmissionOutcome admit(String fingerprint, String admissionId) {
        return world.pipeline.admit(ticket(KEY, fingerprint, admissionId), steps.quota(), steps.decision(),
                steps.denials());
    }

    private static AdmissionTicket ticket(IdempotencyKeyUse key, String fingerprint, String admissionId) {
        return new AdmissionTicket(key, fingerprint, "alice@example.com", admissionId, T0, CONFLICT);
    }

    /** A quota step and a decision that say what they are told to and note that they were asked. */
    private static final class Steps {
        final List<String> asked = new ArrayList<>();
        final List<String> denied = new ArrayList<>();
        boolean spent;
        private Optional<Rejection> quotaRefusal = Optional.empty();
        private Decided decided = Decided.answered(FIRST, "res-1");

        Steps quotaRefuses() {
            quotaRefusal = Optional.of(new Rejection(ErrorCode.QUOTA_EXCEEDED, "Daily quota exceeded"));
            return this;
        }

        Steps decisionRefuses() {
            decided = Decided.refused(new Rejection(ErrorCode.INVALID_VERSION, "Version must look like 1.2.3"));
            return this;
        }

        Steps decisionDenies() {
            decided = Decided.denied(new Rejection(ErrorCode.NO_PRIOR_SUCCESSFUL_VERSION, "Nothing to return to"));
            return this;
        }

        Steps decisionMeasures() {
            decided = Decided.needsMeasurement(new BuildRecord("build-1", "svc-a", "1.0.0",
                    "s3://dxcp-artifacts/svc-a-1.0.0.zip", "abc123", null, null, null, null, T0, null, null, null, null,
                    null, null, null, null, T0));
            return this;
        }

        Steps decisionAccepts(Answer answer) {
            decided = Decided.answered(answer, "res-1");
            return this;
        }

        QuotaStep<QuotaPass> quota() {
            return ticket -> {
                asked.add("quota");
                return QuotaPass.of(quotaRefusal, () -> spent = true);
            };
        }

        Decision<QuotaPass> decision() {
            return pass -> {
                asked.add("decision");
                return decided;
            };
        }

        Denials denials() {
            return refusal -> denied.add(refusal.code());
        }
    }
}
