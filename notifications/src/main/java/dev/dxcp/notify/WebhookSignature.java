package dev.dxcp.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The {@code X-DXCP-Signature} header: {@code sha256=} and the lower-case hex HMAC-SHA256 of the exact body
 * bytes, keyed with the subscription's secret (the form GitHub's and Argo CD's webhooks use, so receivers
 * can reuse their check).
 */
public final class WebhookSignature {
    public static final String HEADER = "X-DXCP-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
