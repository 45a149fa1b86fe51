package dev.dxcp.cli;

/** {@code -o table} for people, {@code -o json} for scripts (the API's own JSON, see README). */
public enum OutputFormat {
    TABLE, JSON;
}
