package dev.dxcp.server.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of one {@code key=value} log line, as a log shipper would read it: pairs separated by one
 * space, bare values without spaces or quotes, quoted values with backslash escapes. Anything else fails.
 */
public final class KeyValueLine {
    private KeyValueLine() {
    }

    public static List<Map.Entry<String, String>> parse(String line) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            int equals = line.indexOf('=', i);
            if (equals <= i) {
                throw new IllegalArgumentException("no key at " + i + ": " + line);
            }
            String key = line.substring(i, equals);
            if (!key.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("bad key '" + key + "': " + line);
            }
            i = equals + 1;
            StringBuilder value = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("unterminated quote for " + key + ": " + line);
                    }
                    char c = line.charAt(i);
                    if (c == '"') {
                        i++;
                        break;
                    }
                    if (c == '\\') {
                        char escaped = line.charAt(i + 1);
                        switch (escaped) {
                            case 'n' -> value.append('\n');
                            case 'r' -> value.append('\r');
                            case 't' -> value.append('\t');
                            case 'u' -> {
                                value.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                                i += 4;
                            }
                            default -> value.append(escaped);
                        }
                        i += 2;
                        continue;
                    }
                    value.append(c);
                    i++;
                }
            } else {
                while (i < line.length() && line.charAt(i) != ' ') {
                    char c = line.charAt(i);
                    if (c == '"' || c == '\\' || Character.isISOControl(c)) {
                        throw new IllegalArgumentException("bare value of " + key + " holds " + (int) c + ": " + line);
                    }
                    value.append(c);
                    i++;
                }
            }
            pairs.add(Map.entry(key, value.toString()));
            if (i < line.length()) {
                if (line.charAt(i) != ' ') {
                    throw new IllegalArgumentException("no space after " + key + ": " + line);
                }
                i++;
            }
        }
        return pairs;
    }
}
