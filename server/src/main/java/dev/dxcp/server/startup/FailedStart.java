package dev.dxcp.server.startup;

/**
 * What the server does when its start fails, after Spring has destroyed every bean it created and
 * StartFailureReport has logged the cause: exit with status 1. The exit is a last resort on top of that
 * cleanup, so that no component can ever turn a failed start into a process that hangs.
 */
public final class FailedStart {
    public static final int EXIT_STATUS = 1;

    private FailedStart() {
    }

    public static void exit() {
        LingeringThreads.report();
        System.exit(EXIT_STATUS);
    }
}
