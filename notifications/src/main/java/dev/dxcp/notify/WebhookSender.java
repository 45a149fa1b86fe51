package dev.dxcp.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP POST of a delivery: connect and read timeouts, redirects never followed (a redirect would send the
 * signed body somewhere the admin did not name; a 3xx is a failed attempt), and only a short, sanitized
 * excerpt of the receiver's answer kept.
 */
public class WebhookSender {
    public static final String DELIVERY_HEADER = "X-DXCP-Delivery";
    public static final String EVENT_HEADER = "X-DXCP-Event";
    static final int EXCERPT = 120;

    private final HttpClient client;
    private final Duration readTimeout;

    public WebhookSender(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = readTimeout;
    }

    /** What one attempt came to: a status code (absent if no answer) and, unless 2xx, why it failed. */
    public record Attempt(Integer statusCode, String error) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    public Attempt send(String url, String deliveryId, String eventType, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "DXCP-Webhook")
                .header(DELIVERY_HEADER, deliveryId)
                .header(EVENT_HEADER, eventType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(status, null);
            }
            String excerpt = excerpt(response.body());
            return new Attempt(status, "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt));
        } catch (HttpTimeoutException e) {
            return new Attempt(null, "timed out");
        } catch (IOException e) {
            return new Attempt(null, "connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "interrupted");
        } catch (IllegalArgumentException e) {
            return new Attempt(null, "invalid URL");
        }
    }

    /** The start of an answer, on one line, printable characters only: enough to tell what went wrong. */
    static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String line = body.replaceAll("[\\p{Cntrl}\\s]+", " ").replaceAll("[^\\p{Print}\\p{L}]", "?").trim();
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "…";
    }
}
