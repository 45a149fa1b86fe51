package dev.dxcp.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link ArtifactStore} over the AWS SDK v2 synchronous S3 client. The only class in DXCP
 * that knows S3's error vocabulary: it turns it into lookup outcomes and store exceptions.
 */
public final class S3ArtifactStore implements ArtifactStore, ArtifactPublisher, AutoCloseable {

    private static final int HTTP_FORBIDDEN = 403;
    private static final int HTTP_NOT_FOUND = 404;
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final int SHA256_BYTES = 32;

    /**
     * 403 codes that mean "your credentials are wrong", not "this object is not for you".
     * Domain §16 skips the preflight on credential problems instead of blaming the artifact.
     */
    private static final Set<String> CREDENTIAL_ERROR_CODES = Set.of(
            "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "TokenRefreshRequired");

    private final S3Client s3;
    private final Duration headTimeout;

    public S3ArtifactStore(S3StoreSettings settings) {
        this(buildClient(settings), settings.headTimeout());
    }

    /** For callers that build their own client; the store closes it on {@link #close()}. */
    public S3ArtifactStore(S3Client s3, Duration headTimeout) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.headTimeout = Objects.requireNonNull(headTimeout, "headTimeout");
    }

    private static S3Client buildClient(S3StoreSettings settings) {
        var builder = S3Client.builder()
                // The JDK's HttpURLConnection: no extra HTTP stack next to the server's Netty.
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.readTimeout()))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyleAccess())
                // S3-compatible stores differ in support for the SDK's newer checksum trailers;
                // DXCP checks integrity with its own sha256, so send checksums only where S3 requires them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3StoreSettings settings) {
        if (settings.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public ObjectLookup head(String bucket, String key) {
        try {
            HeadObjectResponse response = s3.headObject(request -> request
                    .bucket(bucket)
                    .key(key)
                    .checksumMode(ChecksumMode.ENABLED)
                    .overrideConfiguration(call -> call.apiCallTimeout(headTimeout)));
            return new ObjectLookup.Found(
                    response.contentLength() == null ? 0L : response.contentLength(),
                    response.contentType(),
                    response.lastModified(),
                    unquote(response.eTag()),
                    fullObjectSha256(response));
        } catch (S3Exception e) {
            if (e.statusCode() == HTTP_NOT_FOUND) {
                return ObjectLookup.MISSING;
            }
            if (e.statusCode() == HTTP_FORBIDDEN) {
                return classifyForbidden(bucket, key);
            }
            return new ObjectLookup.Unavailable(describe(e));
        } catch (ApiCallTimeoutException e) {
            return new ObjectLookup.Unavailable("no answer within " + headTimeout.toMillis() + " ms");
        } catch (SdkException e) {
            return new ObjectLookup.Unavailable(describe(e));
        }
    }

    /**
     * A HEAD response has no body, so a 403 cannot say whether the object is off-limits or our
     * credentials are wrong; domain §16 treats those differently. A one-byte ranged GET carries
     * S3's error code and settles it at the cost of a second request, only on this rare path.
     */
    private ObjectLookup classifyForbidden(String bucket, String key) {
        try (var firstByte = s3.getObject(request -> request
                .bucket(bucket)
                .key(key)
                .range("bytes=0-0")
                .overrideConfiguration(call -> call.apiCallTimeout(headTimeout)))) {
            return ObjectLookup.DENIED;
        } catch (S3Exception e) {
            return isCredentialProblem(e)
                    ? new ObjectLookup.Unavailable("credentials rejected: " + describe(e))
                    : ObjectLookup.DENIED;
        } catch (SdkException | IOException e) {
            // The second request told us nothing new; the HEAD's refusal stands.
            return ObjectLookup.DENIED;
        }
    }

    /**
     * The store's sha256 of the whole object, from {@code x-amz-checksum-sha256} (asked for with checksum
     * mode). S3 checks that checksum against the bytes when they are uploaded, so it is the sha256 of what is
     * stored. A multipart upload's COMPOSITE checksum is a checksum of part checksums, not of the object:
     * it is not used.
     */
    private static String fullObjectSha256(HeadObjectResponse response) {
        String base64 = response.checksumSHA256();
        if (base64 == null || base64.isBlank() || base64.contains("-")
                || (response.checksumType() != null && response.checksumType() != ChecksumType.FULL_OBJECT)) {
            return null;
        }
        try {
            byte[] digest = Base64.getDecoder().decode(base64);
            return digest.length == SHA256_BYTES ? HexFormat.of().formatHex(digest) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The store's own checksum when it keeps one (a HEAD, decision 153); otherwise the object is read once,
     * as a stream, and hashed here.
     */
    @Override
    public ArtifactDigest digest(String bucket, String key) {
        ObjectLookup lookup = head(bucket, key);
        if (lookup instanceof ObjectLookup.Found found && found.sha256() != null) {
            return new ArtifactDigest(found.sha256(), found.sizeBytes(), found.contentType(), found.eTag());
        }
        if (lookup instanceof ObjectLookup.Missing) {
            throw new ArtifactNotFoundException(bucket, key, null);
        }
        return streamedDigest(bucket, key);
    }

    private ArtifactDigest streamedDigest(String bucket, String key) {
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(request -> request.bucket(bucket).key(key))) {
            MessageDigest sha256 = sha256();
            long bytes = hash(body, sha256);
            GetObjectResponse response = body.response();
            Long announced = response.contentLength();
            if (announced != null && announced != bytes) {
                throw new ArtifactReadException(
                        "read " + bytes + " of " + announced + " bytes of s3://" + bucket + "/" + key, null);
            }
            return new ArtifactDigest(HexFormat.of().formatHex(sha256.digest()), bytes, response.contentType(),
                    unquote(response.eTag()));
        } catch (S3Exception e) {
            if (e.statusCode() == HTTP_NOT_FOUND) {
                throw new ArtifactNotFoundException(bucket, key, e);
            }
            throw new ArtifactReadException("cannot read s3://" + bucket + "/" + key + ": " + describe(e), e);
        } catch (SdkException | IOException e) {
            throw new ArtifactReadException("cannot read s3://" + bucket + "/" + key + ": " + describe(e), e);
        }
    }

    private static long hash(InputStream in, MessageDigest sha256) throws IOException {
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        long total = 0;
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            sha256.update(buffer, 0, read);
            total += read;
        }
        return total;
    }

    @Override
    public List<DiscoveredArtifact> list(String bucket, String prefix) {
        List<DiscoveredArtifact> objects = new ArrayList<>();
        String continuationToken = null;
        try {
            do {
                ListObjectsV2Response page = s3.listObjectsV2(ListObjectsV2Request.builder()
                        .bucket(bucket)
                        .prefix(prefix)
                        .continuationToken(continuationToken)
                        .build());
                page.contents().forEach(object ->
                        objects.add(new DiscoveredArtifact(object.key(), object.size() == null ? 0L : object.size(), object.lastModified())));
                // A truncated page without a token would loop forever on a misbehaving store.
                continuationToken = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (continuationToken != null);
            return objects;
        } catch (SdkException e) {
            throw new ArtifactDiscoveryException(
                    "artifact store listing of s3://" + bucket + "/" + prefix + " failed: " + describe(e), e);
        }
    }

    @Override
    public void ensureBucket(String bucket) {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != HTTP_NOT_FOUND) {
                throw e;
            }
            try {
                s3.createBucket(request -> request.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException raced) {
                // Another caller created it between our HEAD and CREATE; that is what we wanted.
            }
        }
    }

    /** Uploads with the content's sha256, which the store checks and keeps (so a digest needs no stream). */
    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        String checksum = Base64.getEncoder().encodeToString(sha256().digest(content));
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType).checksumSHA256(checksum),
                RequestBody.fromBytes(content));
    }

    /** Uploads a file (large artifacts) without holding it in memory, with its sha256 as {@link #put} does. */
    @Override
    public void put(String bucket, String key, Path file, String contentType) {
        String checksum;
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha256 = sha256();
            hash(in, sha256);
            checksum = Base64.getEncoder().encodeToString(sha256.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType).checksumSHA256(checksum),
                RequestBody.fromFile(file));
    }

    @Override
    public void delete(String bucket, String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    @Override
    public void close() {
        s3.close();
    }

    static boolean isCredentialProblem(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code != null && CREDENTIAL_ERROR_CODES.contains(code);
    }

    private static String describe(SdkException e) {
        if (e instanceof S3Exception s3Error) {
            String code = s3Error.awsErrorDetails() == null ? null : s3Error.awsErrorDetails().errorCode();
            return "S3 answered HTTP " + s3Error.statusCode() + (code == null ? "" : " " + code);
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String describe(Exception e) {
        return e instanceof SdkException sdk ? describe(sdk) : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String unquote(String eTag) {
        return eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1) : eTag;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }
}
