package dev.dxcp.bench.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection, used by one load worker at a time. The load generator shares the
 * machine's two cores with the server and PostgreSQL, so it is written to cost as little CPU as possible:
 * no selector thread, no per-request objects beyond the answer, and the time measured is exactly one
 * write and one read on the socket.
 */
public final class HttpConnection implements Closeable {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
        this.hostHeader = host + ":" + port;
    }

    /**
     * Sends one request and reads the whole answer. A connection the server closed while idle is
     * reopened and the request sent once more: every request the benchmark sends is safe to repeat
     * (reads, or writes carrying an Idempotency-Key).
     */
    public HttpResponse send(HttpRequest request) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(request);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            return exchange(request);
        }
    }

    private HttpResponse exchange(HttpRequest request) throws IOException {
        if (socket == null) {
            open();
        }
        writeRequest(request);
        HttpResponse response = readResponse();
        if (response.closesConnection()) {
            close();
        }
        return response;
    }

    private void open() throws IOException {
        Socket fresh = new Socket();
        fresh.setTcpNoDelay(true);
        fresh.setSoTimeout(READ_TIMEOUT_MILLIS);
        fresh.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        socket = fresh;
        in = new BufferedInputStream(fresh.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(fresh.getOutputStream(), 16 * 1024);
    }

    private void writeRequest(HttpRequest request) throws IOException {
        StringBuilder head = new StringBuilder(512);
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(hostHeader).append("\r\n");
        if (request.bearerToken() != null) {
            head.append("Authorization: Bearer ").append(request.bearerToken()).append("\r\n");
        }
        for (int i = 0; i + 1 < request.headers().size(); i += 2) {
            head.append(request.headers().get(i)).append(": ").append(request.headers().get(i + 1)).append("\r\n");
        }
        byte[] body = request.body();
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
        }
        if (body != null || !request.method().equals("GET")) {
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    private HttpResponse readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        String line;
        while (!(line = readLine()).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        byte[] body;
        if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            body = in.readNBytes((int) contentLength);
            if (body.length != contentLength) {
                throw new EOFException("answer body cut short");
            }
        } else {
            body = in.readAllBytes();
            close = true;
        }
        return new HttpResponse(status, body, close);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers: none are used
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new EOFException("chunk cut short");
            }
            body.write(chunk);
            readLine();
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            line.append((char) c);
        }
        throw new EOFException("connection closed by the server");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that is already gone
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
