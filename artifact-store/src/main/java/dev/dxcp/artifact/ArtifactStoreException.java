package dev.dxcp.artifact;

/** Base of the artifact store's failures; callers usually catch the specific subclasses. */
public abstract class ArtifactStoreException extends RuntimeException {

    /** The contract caps the discovery failure message (api-contract §4); keep all of ours short. */
    static final int MAX_MESSAGE_LENGTH = 240;

    protected ArtifactStoreException(String message, Throwable cause) {
        super(shorten(message), cause);
    }

    static String shorten(String message) {
        if (message == null) {
            return null;
        }
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }
}
