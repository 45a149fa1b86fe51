package dev.dxcp.bench.seed;

/** One row of the event table (domainevententry), as Axon's JDBC storage engine writes it. */
public record EventRow(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                       String timestamp, String payloadType, String payloadRevision, byte[] payload,
                       byte[] metadata) {
}
