package dev.dxcp.artifact;

/**
 * The write side of the store. DXCP itself never writes artifacts (CI publishes them); only
 * the embedded mode's demo seeding and tests do, so this is kept apart from {@link ArtifactStore}.
 */
public interface ArtifactPublisher {

    /** Creates the bucket unless it already exists. */
    void ensureBucket(String bucket);

    void put(String bucket, String key, byte[] content, String contentType);

    void put(String bucket, String key, java.nio.file.Path file, String contentType);

    /** Deletes the object; deleting a missing object is not an error (S3 semantics). */
    void delete(String bucket, String key);
}
