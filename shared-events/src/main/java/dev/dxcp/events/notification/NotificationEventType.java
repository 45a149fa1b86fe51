package dev.dxcp.events.notification;

/** What a webhook subscription can be sent (docs/GOVERNANCE.md "Notifications"). */
public enum NotificationEventType {
    /** The engine started a deploy or promotion (after its approval, where one was needed). */
    DEPLOYMENT_STARTED,
    DEPLOYMENT_SUCCEEDED,
    DEPLOYMENT_FAILED,
    /** The engine itself rolled the execution back. */
    DEPLOYMENT_ROLLED_BACK,
    /** The engine started a rollback DXCP asked for. */
    ROLLBACK_STARTED,
    ROLLBACK_SUCCEEDED,
    ROLLBACK_FAILED,
    APPROVAL_REQUESTED,
    APPROVAL_GRANTED,
    APPROVAL_REJECTED,
    APPROVAL_EXPIRED,
    /** A platform admin let one request through a freeze window. */
    FREEZE_OVERRIDDEN;

    public static boolean known(String name) {
        for (NotificationEventType type : values()) {
            if (type.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
