package dev.dxcp.server.identity;

/** A token that does not authenticate; the reason is logged, never returned (it would help an attacker). */
public class InvalidToken extends Exception {
    public InvalidToken(String reason) {
        super(reason, null, false, false);
    }
}
