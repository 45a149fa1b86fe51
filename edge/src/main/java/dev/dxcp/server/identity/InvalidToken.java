package dev.dxcp.server.identity;

/**
 * A token that does not authenticate. The reason is logged, never returned (it would help an attacker):
 * a short name ({@code expired}, {@code bad_signature}, ...) that every rejection has, and the library's
 * detail, which may quote what the token said (the log layout escapes it).
 */
public class InvalidToken extends Exception {
    private final String reason;

    public InvalidToken(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return getMessage() == null ? "" : getMessage();
    }
}
