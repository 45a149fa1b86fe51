package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send (bytes a client library
 * refuses, half a request, a body sent slowly) and for watching when the server closes the connection.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    public static RawHttp connect(int port) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the text as ISO-8859-1, one byte per char, so any byte can be sent. */
    public RawHttp send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #send}, but tells whether the server still took the bytes. */
    public boolean trySend(String text) {
        try {
            send(text);
            return true;
        } catch (UncheckedIOException closed) {
            return false;
        }
    }

    /** Everything the server sends until it closes the connection, or until {@code limit} passes. */
    public Answer readUntilClosed(Duration limit) {
        long started = System.nanoTime();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                long left = limit.toMillis() - (System.nanoTime() - started) / 1_000_000;
                if (left <= 0) {
                    return new Answer(received.toString(StandardCharsets.ISO_8859_1), false, elapsed(started));
                }
                socket.setSoTimeout((int) left);
                int read;
                try {
                    read = in.read(buffer);
                } catch (SocketTimeoutException stillOpen) {
                    return new Answer(received.toString(StandardCharsets.ISO_8859_1), false, elapsed(started));
                }
                if (read < 0) {
                    return new Answer(received.toString(StandardCharsets.ISO_8859_1), true, elapsed(started));
                }
                received.write(buffer, 0, read);
            }
        } catch (IOException reset) {
            return new Answer(received.toString(StandardCharsets.ISO_8859_1), true, elapsed(started));
        }
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** What came back: the raw text, whether the server closed the connection, and after how long. */
    public record Answer(String text, boolean closed, Duration after) {
        public int status() {
            if (!text.startsWith("HTTP/1.1 ")) {
                return -1;
            }
            return Integer.parseInt(text.substring(9, 12));
        }

        public String header(String name) {
            for (String line : head().split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT)
                        .equals(name.toLowerCase(Locale.ROOT))) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        public JsonNode json() {
            try {
                return TestHttp.JSON.readTree(body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        public String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }

        private String head() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
