package dev.dxcp.command.settings;

import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.EngineAdapterSettings.Mode;
import dev.dxcp.events.settings.EngineAdapterSettings.Secret;
import dev.dxcp.events.settings.SettingProblem;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes engine connection settings usable, without looking at files or the network (those are
 * the edge's checks): every mode names what it needs and nothing another mode uses. All problems are
 * reported at once, each under its field, so an admin screen can mark every wrong field.
 */
public final class EngineAdapterRules {
    static final int MAX_URL = 2048;
    static final int MAX_PATH = 1024;
    static final int MAX_TEXT = 256;
    static final int MAX_REFRESH_SKEW_SECONDS = 3600;

    /** RFC 9110 token characters: anything else cannot be a header name. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    /** Set by the HTTP client itself or by the adapter on every call (domain §16); a static header may not replace them. */
    private static final Set<String> RESERVED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "content-type", "x-spinnaker-user", "x-request-id");

    private EngineAdapterRules() {
    }

    /** 400 INVALID_REQUEST naming every problem, unless there is none. */
    public static void refuseIfInvalid(EngineAdapterSettings settings) {
        List<SettingProblem> problems = check(settings);
        if (!problems.isEmpty()) {
            throw SettingProblem.invalid(problems);
        }
    }

    public static List<SettingProblem> check(EngineAdapterSettings s) {
        List<SettingProblem> problems = new ArrayList<>();
        if (s.mode() == null) {
            problems.add(new SettingProblem("mode", "mode is required: http, mtls or stub"));
            return problems;
        }
        texts(s, problems);
        switch (s.mode()) {
            case STUB -> {
                unused(gateUrl(s), Mode.STUB, problems);
                unused(staticHeader(s), Mode.STUB, problems);
                unused(tokenMinting(s), Mode.STUB, problems);
                unused(mutualTls(s), Mode.STUB, problems);
            }
            case HTTP -> {
                gateUrl(s.gateUrl(), false, problems);
                unused(mutualTls(s), Mode.HTTP, problems);
                httpCredentials(s, problems);
            }
            case MTLS -> {
                gateUrl(s.gateUrl(), true, problems);
                unused(staticHeader(s), Mode.MTLS, problems);
                unused(tokenMinting(s), Mode.MTLS, problems);
                clientCertificate(s, problems);
            }
        }
        return problems;
    }

    private static void httpCredentials(EngineAdapterSettings s, List<SettingProblem> problems) {
        boolean header = present(staticHeader(s));
        boolean token = present(tokenMinting(s));
        if (header && token) {
            problems.add(new SettingProblem("header_name",
                    "use either a static header or token minting (token_url, client_id, client_secret), not both"));
        }
        if (header) {
            if (s.headerName() == null) {
                problems.add(new SettingProblem("header_name", "header_name is required with header_value"));
            } else if (!HEADER_NAME.matcher(s.headerName()).matches()) {
                problems.add(new SettingProblem("header_name", "header_name is not a valid HTTP header name"));
            } else if (RESERVED_HEADERS.contains(s.headerName().toLowerCase(Locale.ROOT))) {
                problems.add(new SettingProblem("header_name", s.headerName() + " is set by DXCP itself"));
            }
            if (s.headerValueRef() == null) {
                problems.add(new SettingProblem(Secret.HEADER_VALUE.field(), "header_value is required with header_name"));
            }
        }
        if (token) {
            if (s.tokenUrl() == null) {
                problems.add(new SettingProblem("token_url", "token_url is required for token minting"));
            } else {
                url("token_url", s.tokenUrl(), false, problems);
            }
            if (s.clientId() == null) {
                problems.add(new SettingProblem("client_id", "client_id is required for token minting"));
            }
            if (s.clientSecretRef() == null) {
                problems.add(new SettingProblem(Secret.CLIENT_SECRET.field(), "client_secret is required for token minting"));
            }
            Integer skew = s.refreshSkewSeconds();
            if (skew != null && (skew < 0 || skew > MAX_REFRESH_SKEW_SECONDS)) {
                problems.add(new SettingProblem("refresh_skew_seconds",
                        "refresh_skew_seconds must be between 0 and " + MAX_REFRESH_SKEW_SECONDS));
            }
        }
    }

    private static void clientCertificate(EngineAdapterSettings s, List<SettingProblem> problems) {
        boolean pem = s.clientCertPath() != null || s.clientKeyPath() != null;
        if (pem && s.keystorePath() != null) {
            problems.add(new SettingProblem("keystore_path",
                    "use either client_cert_path with client_key_path or keystore_path, not both"));
        } else if (pem) {
            if (s.clientCertPath() == null) {
                problems.add(new SettingProblem("client_cert_path", "client_cert_path is required with client_key_path"));
            }
            if (s.clientKeyPath() == null) {
                problems.add(new SettingProblem("client_key_path", "client_key_path is required with client_cert_path"));
            }
        } else if (s.keystorePath() == null) {
            problems.add(new SettingProblem("client_cert_path",
                    "mtls needs client_cert_path and client_key_path, or keystore_path"));
        }
        if (s.keystorePasswordRef() != null && s.keystorePath() == null) {
            problems.add(new SettingProblem(Secret.KEYSTORE_PASSWORD.field(), "keystore_password needs keystore_path"));
        }
        fields("client_cert_path", s.clientCertPath(), "client_key_path", s.clientKeyPath(), "keystore_path",
                s.keystorePath(), "ca_bundle_path", s.caBundlePath()).forEach((field, path) -> {
            if (path != null && !absolute((String) path)) {
                problems.add(new SettingProblem(field, field + " must be an absolute file path"));
            }
        });
        if (s.serverName() != null && !HOST_NAME.matcher(s.serverName()).matches()) {
            problems.add(new SettingProblem("server_name", "server_name must be a host name"));
        }
    }

    private static void gateUrl(String gateUrl, boolean httpsOnly, List<SettingProblem> problems) {
        if (gateUrl == null) {
            problems.add(new SettingProblem("gate_url", "gate_url is required"));
            return;
        }
        url("gate_url", gateUrl, httpsOnly, problems);
    }

    /** Credentials belong in the header or token settings, where they are kept secret, never in a URL. */
    private static void url(String field, String value, boolean httpsOnly, List<SettingProblem> problems) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            problems.add(new SettingProblem(field, field + " is not a valid URL"));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && (httpsOnly || !scheme.equals("http")) || uri.getHost() == null) {
            problems.add(new SettingProblem(field, field + (httpsOnly ? " must be an absolute https URL (mtls)"
                    : " must be an absolute http or https URL")));
        } else if (uri.getRawUserInfo() != null) {
            problems.add(new SettingProblem(field, field + " must not carry credentials"));
        } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add(new SettingProblem(field, field + " must not have a query or fragment"));
        }
    }

    private static void texts(EngineAdapterSettings s, List<SettingProblem> problems) {
        Map<String, Object> shown = s.shown();
        for (Map.Entry<String, Object> field : shown.entrySet()) {
            if (!(field.getValue() instanceof String text)) {
                continue;
            }
            int limit = field.getKey().endsWith("_url") ? MAX_URL : field.getKey().endsWith("_path") ? MAX_PATH
                    : MAX_TEXT;
            if (text.length() > limit) {
                problems.add(new SettingProblem(field.getKey(), field.getKey() + " must be at most " + limit
                        + " characters"));
            }
        }
    }

    private static void unused(Map<String, Object> fields, Mode mode, List<SettingProblem> problems) {
        fields.forEach((field, value) -> {
            if (value != null) {
                problems.add(new SettingProblem(field, field + " is not used in " + mode.wireName() + " mode"));
            }
        });
    }

    private static boolean present(Map<String, Object> fields) {
        return fields.values().stream().anyMatch(value -> value != null);
    }

    private static Map<String, Object> gateUrl(EngineAdapterSettings s) {
        return fields("gate_url", s.gateUrl());
    }

    private static Map<String, Object> staticHeader(EngineAdapterSettings s) {
        return fields("header_name", s.headerName(), Secret.HEADER_VALUE.field(), s.headerValueRef());
    }

    private static Map<String, Object> tokenMinting(EngineAdapterSettings s) {
        return fields("token_url", s.tokenUrl(), "client_id", s.clientId(), Secret.CLIENT_SECRET.field(),
                s.clientSecretRef(), "audience", s.audience(), "scope", s.scope(), "refresh_skew_seconds",
                s.refreshSkewSeconds());
    }

    private static Map<String, Object> mutualTls(EngineAdapterSettings s) {
        return fields("client_cert_path", s.clientCertPath(), "client_key_path", s.clientKeyPath(), "keystore_path",
                s.keystorePath(), Secret.KEYSTORE_PASSWORD.field(), s.keystorePasswordRef(), "ca_bundle_path",
                s.caBundlePath(), "server_name", s.serverName());
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static boolean absolute(String path) {
        try {
            return Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
