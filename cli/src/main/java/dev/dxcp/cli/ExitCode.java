package dev.dxcp.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every dxcp command. Scripts branch on them, so they never change meaning; new
 * outcomes get new numbers. The same table is printed by {@code dxcp --help} and README.md.
 */
public enum ExitCode {
    OK(0, "Success (a followed deployment or rebuild ended SUCCEEDED/completed)."),
    ERROR(1, "Unexpected failure: an unreadable answer, a local file problem."),
    USAGE(2, "Invalid command line (unknown option, missing argument)."),
    AUTH(3, "Not logged in, token rejected (401) or the role may not do this (403 role and scope codes)."),
    NOT_FOUND(4, "The thing asked for does not exist (404)."),
    REFUSED(5, "Refused by DXCP: a guardrail, policy, validation, conflict, quota or kill switch (other 4xx, 503 MUTATIONS_DISABLED)."),
    SERVER(6, "Server or engine error (5xx: ENGINE_*, INTERNAL_ERROR, ...), or no answer from the server."),
    DEPLOYMENT_FAILED(7, "A followed deployment ended FAILED (or a followed rebuild failed)."),
    DEPLOYMENT_CANCELED(8, "A followed deployment ended CANCELED or ROLLED_BACK."),
    AUDIT_MISMATCH(9, "audit verify found an entry that no longer matches its chain."),
    TIMED_OUT(10, "--wait gave up after --timeout; the deployment or rebuild goes on."),
    INTERRUPTED(130, "Ctrl-C while following: following stopped, the deployment goes on.");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** For picocli's exit code list in the root command's help. */
    public static Map<String, String> helpTable() {
        Map<String, String> table = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            table.put(String.format("%3d", exit.code), exit.meaning);
        }
        return table;
    }
}
