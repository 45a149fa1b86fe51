package dev.dxcp.command.admission;

/**
 * governance §5 "quota" (and for deployments "concurrency"): an actor's daily quota, or a delivery lane's
 * daily quota and concurrency. Its pass says whether the request may go on.
 */
@FunctionalInterface
public interface QuotaStep<P extends QuotaPass> {
    P pass(AdmissionTicket ticket);
}
