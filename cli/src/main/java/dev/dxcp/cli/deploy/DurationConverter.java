package dev.dxcp.cli.deploy;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** "90s", "10m", "1h", "500ms" or ISO-8601 ("PT30M"). */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase();
        try {
            if (text.startsWith("pt") || text.startsWith("p")) {
                return Duration.parse(value.trim().toUpperCase());
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new TypeConversionException("not a duration: " + value);
            };
        } catch (RuntimeException e) {
            throw new TypeConversionException("not a duration (try 90s, 10m, 1h): " + value);
        }
    }
}
