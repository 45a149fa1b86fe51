package dev.dxcp.server.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jwt.proc.BadJWTException;

import java.text.ParseException;

/**
 * Names why the JWT processor refused a token, for the {@code token_rejected} log line: its exceptions
 * say it only in their message, and some carry none, which used to be logged as {@code reason="null"}.
 */
final class TokenRejections {
    private TokenRejections() {
    }

    static String reasonFor(Exception refusal) {
        String message = refusal.getMessage() == null ? "" : refusal.getMessage();
        if (refusal instanceof IssuedInTheFuture) {
            return "issued_in_future";
        }
        if (refusal instanceof BadJWSException) {
            return "bad_signature";
        }
        if (refusal instanceof BadJWTException) {
            return claimsReason(message);
        }
        if (refusal instanceof BadJOSEException) {
            if (message.contains("typ (type)")) {
                return "wrong_type";
            }
            return message.contains("no matching key") ? "unknown_key_or_algorithm" : "rejected";
        }
        if (refusal instanceof JOSEException) {
            return "key_set_unavailable";
        }
        if (refusal instanceof ParseException) {
            return "malformed_claims";
        }
        return "unexpected_" + refusal.getClass().getSimpleName();
    }

    private static String claimsReason(String message) {
        if (message.startsWith("Expired")) {
            return "expired";
        }
        if (message.contains("before use time")) {
            return "not_yet_valid";
        }
        if (message.contains("aud")) {
            return "wrong_audience";
        }
        if (message.contains("iss claim")) {
            return "wrong_issuer";
        }
        if (message.contains("missing required claims")) {
            return "missing_claims";
        }
        return "claims_rejected";
    }

    /** {@code iat} later than now plus the clock skew: minted by a clock that runs ahead, or forged. */
    static final class IssuedInTheFuture extends BadJWTException {
        IssuedInTheFuture() {
            super("JWT issued in the future");
        }
    }
}
