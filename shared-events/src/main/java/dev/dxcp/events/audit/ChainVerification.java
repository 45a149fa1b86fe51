package dev.dxcp.events.audit;

/**
 * The answer of a chain check over a range of positions.
 *
 * @param checked   links recomputed before the answer (all of them when verified)
 * @param unchained stored events in the range with no link yet: still on their way through the audit
 *                  projection, or written behind its back (docs/AUDIT.md)
 * @param head      the newest link of the whole chain, worth exporting: it pins everything before it
 * @param mismatch  the first link, in chain order, that no longer matches; null when verified
 */
public record ChainVerification(boolean verified, long checked, long unchained, long from, long to, Link head,
                                Mismatch mismatch) {

    public record Link(long link, long position, String eventId, String entryHash) {
    }

    /**
     * @param reason       HASH_MISMATCH (the row, or the link's own hash, was changed), ROW_MISSING (no row
     *                     at the linked position) or CHAIN_BROKEN (the link does not follow its predecessor)
     * @param expectedHash what the chain recorded: the link's entry_hash, or for CHAIN_BROKEN the
     *                     predecessor's entry_hash
     * @param actualHash   what the current data gives: the recomputed hash, or for CHAIN_BROKEN the
     *                     link's previous_hash; null when there is nothing to compute from
     */
    public record Mismatch(long link, long position, String eventId, String reason, String expectedHash,
                           String actualHash) {
    }
}
