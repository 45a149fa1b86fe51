package dev.dxcp.server.http.build;

/** What a CI write answers: status and body, and whether they are the replay of a remembered first answer. */
public record StoredAnswer(int status, String body, boolean replayed) {
}
