package dev.dxcp.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CliFailure;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.http.ApiClient;

import java.util.Optional;

/**
 * Which server and which token a command uses, first match wins:
 * <ol>
 *   <li>server: {@code --server}, {@code DXCP_SERVER}, the selected context;</li>
 *   <li>token: {@code DXCP_TOKEN}; client credentials from {@code DXCP_CLIENT_ID}/{@code DXCP_CLIENT_SECRET}
 *       (with {@code DXCP_TOKEN_URL}, {@code DXCP_AUDIENCE}) — a CI job needs no config file; the selected
 *       context's cached token, renewed when it expires within a minute and the context can renew it.</li>
 * </ol>
 */
public final class Credentials {
    private static final long RENEW_MARGIN_SECONDS = 60;

    private final CliContext cli;

    public Credentials(CliContext cli) {
        this.cli = cli;
    }

    public ApiClient client() {
        Optional<ObjectNode> context = cli.config().context(cli.contextOption());
        if (cli.contextOption() != null && context.isEmpty()) {
            throw new CliFailure(ExitCode.AUTH, "No context named " + cli.contextOption() + " in "
                    + cli.config().path() + ": run dxcp login --context " + cli.contextOption());
        }
        String server = firstOf(cli.serverOption(), cli.env("DXCP_SERVER"),
                context.map(c -> c.path("server").asText(null)).orElse(null));
        if (server == null) {
            throw new CliFailure(ExitCode.AUTH, "No DXCP server selected: run dxcp login --server URL, "
                    + "or set DXCP_SERVER");
        }
        return new ApiClient(server, token(server, context.filter(c -> sameServer(c, server))));
    }

    private String token(String server, Optional<ObjectNode> context) {
        String explicit = cli.env("DXCP_TOKEN");
        if (explicit != null) {
            return explicit;
        }
        String clientId = cli.env("DXCP_CLIENT_ID");
        String secret = cli.env("DXCP_CLIENT_SECRET");
        if (clientId != null && secret != null) {
            String tokenUrl = firstOf(cli.env("DXCP_TOKEN_URL"), TokenIssuer.developmentTokenUrl(server));
            return TokenIssuer.clientCredentials(tokenUrl, clientId, secret, cli.env("DXCP_AUDIENCE"));
        }
        if (context.isEmpty()) {
            throw new CliFailure(ExitCode.AUTH, "Not logged in to " + server + ": run dxcp login, "
                    + "or set DXCP_TOKEN (or DXCP_CLIENT_ID and DXCP_CLIENT_SECRET)");
        }
        return cachedOrRenewed(server, context.get());
    }

    private String cachedOrRenewed(String server, ObjectNode context) {
        String token = context.path("token").asText(null);
        Long expiresAt = token == null ? null : TokenClaims.of(token).expiresAt();
        long now = cli.clock().instant().getEpochSecond();
        if (token != null && (expiresAt == null || expiresAt - RENEW_MARGIN_SECONDS > now)) {
            return token;
        }
        String renewed = renew(server, context.path("auth"));
        if (renewed == null) {
            throw new CliFailure(ExitCode.AUTH, "The token of this context has expired: run dxcp login again");
        }
        context.put("token", renewed);
        String name = firstOf(cli.contextOption(), cli.config().currentName());
        cli.config().saveContext(name, context, false);
        return renewed;
    }

    /** A new token when the context says how to get one without asking the user; else null. */
    private String renew(String server, JsonNode auth) {
        String mode = auth.path("mode").asText("");
        switch (mode) {
            case "embedded" -> {
                String role = auth.path("role").asText("admin");
                if (!"ci".equals(role)) {
                    return TokenIssuer.developmentRole(server, role, auth.path("email").asText(null));
                }
                String clientId = auth.path("client_id").asText(TokenIssuer.DEV_CI_CLIENT);
                String secret = firstOf(cli.env("DXCP_CLIENT_SECRET"),
                        TokenIssuer.DEV_CI_CLIENT.equals(clientId) ? TokenIssuer.DEV_CI_SECRET : null);
                return secret == null ? null : TokenIssuer.clientCredentials(
                        TokenIssuer.developmentTokenUrl(server), clientId, secret, null);
            }
            case "client_credentials" -> {
                String secret = cli.env("DXCP_CLIENT_SECRET");
                return secret == null ? null : TokenIssuer.clientCredentials(auth.path("token_url").asText(),
                        auth.path("client_id").asText(), secret, auth.path("audience").asText(null));
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean sameServer(ObjectNode context, String server) {
        return ApiClient.trimSlash(context.path("server").asText("")).equals(ApiClient.trimSlash(server));
    }

    static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
