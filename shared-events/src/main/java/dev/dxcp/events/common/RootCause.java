package dev.dxcp.events.common;

import java.sql.SQLException;

/** The words of what actually failed, for logs and operator answers: the database's own, where it spoke. */
public final class RootCause {
    private RootCause() {
    }

    /** The innermost message of the cause chain; for a batch statement, the driver's next exception. */
    public static String message(Throwable error) {
        String message = null;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                return sql.getNextException().getMessage();
            }
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? String.valueOf(error) : message;
    }
}
