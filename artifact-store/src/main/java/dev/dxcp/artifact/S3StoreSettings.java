package dev.dxcp.artifact;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link S3ArtifactStore} reaches its store.
 *
 * @param endpointOverride null for AWS itself; the base URL of an S3-compatible store otherwise
 * @param pathStyleAccess  {@code http://host/bucket/key} instead of bucket sub-domains, which
 *                         S3-compatible stores on a plain host:port need
 * @param region           signing region; given explicitly so no lookup of EC2 metadata is attempted
 * @param accessKey        static credentials, or null (with {@code secretKey}) for the SDK's default chain
 * @param secretKey        see {@code accessKey}
 * @param headTimeout      whole-call budget of the preflight HEAD, 1–5 s (domain §16)
 * @param connectTimeout   TCP connect budget of every request
 * @param readTimeout      longest silence tolerated while reading a response (digest, list)
 */
public record S3StoreSettings(
        URI endpointOverride,
        boolean pathStyleAccess,
        String region,
        String accessKey,
        String secretKey,
        Duration headTimeout,
        Duration connectTimeout,
        Duration readTimeout) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final Duration DEFAULT_HEAD_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration MIN_HEAD_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration MAX_HEAD_TIMEOUT = Duration.ofSeconds(5);

    public S3StoreSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(headTimeout, "headTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("give both accessKey and secretKey, or neither");
        }
        if (headTimeout.compareTo(MIN_HEAD_TIMEOUT) < 0 || headTimeout.compareTo(MAX_HEAD_TIMEOUT) > 0) {
            throw new IllegalArgumentException("headTimeout must be between 1 and 5 seconds, was " + headTimeout);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout and readTimeout must be positive");
        }
    }

    /** AWS S3 in {@link #DEFAULT_REGION} with the default credentials chain. */
    public static S3StoreSettings aws() {
        return new S3StoreSettings(null, false, DEFAULT_REGION, null, null,
                DEFAULT_HEAD_TIMEOUT, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    /** An S3-compatible store (such as {@link EmbeddedS3Server}) at {@code endpoint}, path-style, static credentials. */
    public static S3StoreSettings s3Compatible(URI endpoint, String accessKey, String secretKey) {
        return aws().withEndpoint(endpoint, true).withStaticCredentials(accessKey, secretKey);
    }

    public S3StoreSettings withEndpoint(URI endpoint, boolean pathStyle) {
        return new S3StoreSettings(endpoint, pathStyle, region, accessKey, secretKey, headTimeout, connectTimeout, readTimeout);
    }

    public S3StoreSettings withRegion(String newRegion) {
        return new S3StoreSettings(endpointOverride, pathStyleAccess, newRegion, accessKey, secretKey, headTimeout, connectTimeout, readTimeout);
    }

    public S3StoreSettings withStaticCredentials(String newAccessKey, String newSecretKey) {
        return new S3StoreSettings(endpointOverride, pathStyleAccess, region, newAccessKey, newSecretKey, headTimeout, connectTimeout, readTimeout);
    }

    public S3StoreSettings withHeadTimeout(Duration newHeadTimeout) {
        return new S3StoreSettings(endpointOverride, pathStyleAccess, region, accessKey, secretKey, newHeadTimeout, connectTimeout, readTimeout);
    }

    public S3StoreSettings withTimeouts(Duration newConnectTimeout, Duration newReadTimeout) {
        return new S3StoreSettings(endpointOverride, pathStyleAccess, region, accessKey, secretKey, headTimeout, newConnectTimeout, newReadTimeout);
    }

    boolean hasStaticCredentials() {
        return accessKey != null;
    }

    /** Keeps secrets out of logs. */
    @Override
    public String toString() {
        return "S3StoreSettings[endpointOverride=" + endpointOverride + ", pathStyleAccess=" + pathStyleAccess
                + ", region=" + region + ", credentials=" + (hasStaticCredentials() ? "static" : "default chain")
                + ", headTimeout=" + headTimeout + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
