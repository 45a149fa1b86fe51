package dev.dxcp.query.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * entry_hash = SHA-256(previous entry_hash ‖ canonical bytes of the stored row). Every column of the
 * row is written length-prefixed (null distinct from empty), so no two different rows share an
 * encoding, and a tag names the format so a later one can coexist.
 */
public final class AuditChainHash {
    /** previous_hash of the first link. */
    public static final String GENESIS = "0".repeat(64);
    private static final byte[] FORMAT = "dxcp-audit-chain-v1".getBytes(StandardCharsets.US_ASCII);

    private AuditChainHash() {
    }

    public static String of(String previousHash, StoredEvent row) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(FORMAT);
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update(canonical(row));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    static byte[] canonical(StoredEvent row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(row.position());
            text(out, row.eventId());
            text(out, row.aggregateId());
            out.writeLong(row.sequenceNumber());
            text(out, row.aggregateType());
            text(out, row.payloadType());
            text(out, row.payloadRevision());
            text(out, row.timestamp());
            raw(out, row.payload());
            raw(out, row.metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        raw(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void raw(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }
}
