package dev.dxcp.artifact;

import java.time.Instant;
import java.util.Objects;

/** What a HEAD of one artifact object found. */
public sealed interface ObjectLookup
        permits ObjectLookup.Found, ObjectLookup.Missing, ObjectLookup.Denied, ObjectLookup.Unavailable {

    /**
     * The object exists. {@code contentType}, {@code lastModified} and {@code eTag} may be null when the store
     * omits them; {@code sha256} (lower-case hex) is the store's own full-object checksum, null when the store
     * keeps none for this object (it was uploaded without one, or in parts).
     */
    record Found(long sizeBytes, String contentType, Instant lastModified, String eTag, String sha256)
            implements ObjectLookup {
    }

    /** The object or its bucket does not exist, e.g. expired by a retention rule. */
    record Missing() implements ObjectLookup {
    }

    /** The store refused access to the object. */
    record Denied() implements ObjectLookup {
    }

    /**
     * The store could not be asked: network, timeout, credentials, or a server-side error.
     * The preflight skips its check on this outcome rather than blaming the artifact (domain §16).
     */
    record Unavailable(String reason) implements ObjectLookup {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    ObjectLookup MISSING = new Missing();
    ObjectLookup DENIED = new Denied();
}
