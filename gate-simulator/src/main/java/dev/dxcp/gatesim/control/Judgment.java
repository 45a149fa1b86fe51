package dev.dxcp.gatesim.control;

/** An operator's answer at a manual judgment stage; Orca stores it as {@code judgmentStatus}. */
public enum Judgment {
    CONTINUE("continue"),
    STOP("stop");

    private final String judgmentStatus;

    Judgment(String judgmentStatus) {
        this.judgmentStatus = judgmentStatus;
    }

    public String judgmentStatus() {
        return judgmentStatus;
    }

    public static Judgment parse(String text) {
        for (Judgment judgment : values()) {
            if (judgment.judgmentStatus.equalsIgnoreCase(text)) {
                return judgment;
            }
        }
        throw new IllegalArgumentException("judgmentStatus must be continue or stop, got: " + text);
    }
}
