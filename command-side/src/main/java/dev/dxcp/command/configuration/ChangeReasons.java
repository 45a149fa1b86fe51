package dev.dxcp.command.configuration;

/** api-contract §8: a trimmed, non-blank change_reason becomes last_change_reason; otherwise the previous one stays. */
final class ChangeReasons {
    private ChangeReasons() {
    }

    static String next(String submitted, String previous) {
        if (submitted == null || submitted.isBlank()) {
            return previous;
        }
        return submitted.trim();
    }
}
