package dev.dxcp.command.notification;

import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.notification.NotificationEventType;
import dev.dxcp.events.notification.WebhookSubscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * What a webhook subscription must be (docs/GOVERNANCE.md "Notifications"): an id of lower-case words, an
 * absolute http(s) URL with a host and no user info (credentials belong in the secret, never in a URL the
 * delivery log and audit show), at least one known event type, existing delivery groups, a known format.
 */
final class WebhookSubscriptionRules {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_URL = 2000;

    private WebhookSubscriptionRules() {
    }

    static void check(WebhookSubscription s, DeliveryConfigurationState config) {
        if (s.id() == null || s.id().length() > 64 || !ID.matcher(s.id()).matches()) {
            throw invalid("id must be lower-case words joined by hyphens, at most 64 characters");
        }
        checkUrl(s.url());
        if (s.eventTypes().isEmpty()) {
            throw invalid("events must name at least one event type");
        }
        for (String type : s.eventTypes()) {
            if (!NotificationEventType.known(type)) {
                throw invalid("events: unknown event type " + type);
            }
        }
        for (String group : s.deliveryGroups()) {
            if (config.group(group).isEmpty()) {
                throw invalid("delivery_groups: " + group + " is not a delivery group");
            }
        }
        if (!WebhookSubscription.JSON.equals(s.format()) && !WebhookSubscription.SLACK.equals(s.format())) {
            throw invalid("format must be json or slack");
        }
        if (s.description() != null && s.description().length() > 240) {
            throw invalid("description must be at most 240 characters");
        }
    }

    static void checkUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw invalid("url is required, at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("url must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("url must not carry credentials; use the secret");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("url must not have a fragment");
        }
    }

    private static Rejection invalid(String message) {
        return new Rejection(ErrorCode.INVALID_REQUEST, message);
    }
}
