package dev.dxcp.command.admission;

/** The write's own rule, decided after its quota step passed (governance §5: the steps after the quota). */
@FunctionalInterface
public interface Decision<P extends QuotaPass> {
    Decided decide(P pass);
}
