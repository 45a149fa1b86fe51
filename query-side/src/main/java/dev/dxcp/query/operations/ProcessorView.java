package dev.dxcp.query.operations;

/**
 * One tracking processor as an operator sees it.
 *
 * @param kind     {@code projection} (a read model) or {@code saga} (a process, not rebuildable)
 * @param state    {@code live}, {@code rebuilding}, {@code failed} (a segment stopped at an event) or
 *                 {@code stopped} (not running on this instance)
 * @param activeGeneration the table generation readers use; null for processors without generations
 * @param rebuild  the latest rebuild started on this instance, if any
 */
public record ProcessorView(String name, String kind, long position, long head, long lag, String state,
                            boolean rebuildable, Integer activeGeneration, ProcessorFailure failure,
                            RebuildRun rebuild) {
}
