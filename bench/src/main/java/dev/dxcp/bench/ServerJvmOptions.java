package dev.dxcp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The server's default JVM flags, read from the argument file bin/dxcp-server passes to java, so the
 * benchmark measures the server as the README starts it. Full-line comments only, as the file keeps them.
 */
final class ServerJvmOptions {
    private ServerJvmOptions() {
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the server's JVM options " + file, e);
        }
    }
}
