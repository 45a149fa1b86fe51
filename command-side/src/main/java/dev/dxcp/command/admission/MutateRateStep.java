package dev.dxcp.command.admission;

import dev.dxcp.command.common.RateGate;
import dev.dxcp.events.common.Rejection;

import java.util.Optional;

/** governance §5 "mutate rate" (§7 mutate_rpm): charged once per admission, even when the decision re-runs. */
public class MutateRateStep {
    private final RateGate rate;

    public MutateRateStep(RateGate rate) {
        this.rate = rate;
    }

    Optional<Rejection> charge(AdmissionTicket ticket) {
        return rate.chargeMutation(ticket.actorId(), ticket.admissionId());
    }
}
