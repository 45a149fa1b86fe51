package dev.dxcp.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CliFailure;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.Output;
import dev.dxcp.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * Obtains a token, checks it with GET /v1/whoami and saves server, token and how to renew it as a
 * named context. Without a mode flag: DXCP_TOKEN, else DXCP_CLIENT_ID/DXCP_CLIENT_SECRET, else the
 * server's development issuer when it runs embedded.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in to a DXCP server and save it as a context.",
                "Embedded server:   dxcp login --server http://localhost:8080 --embedded [--role admin|owner|observer|ci]",
                "Identity provider: dxcp login --server URL --token-url URL --client-id ID [--audience AUD]",
                "                   (secret from --client-secret or DXCP_CLIENT_SECRET)",
                "Existing token:    DXCP_TOKEN=... dxcp login --server URL"})
public final class LoginCommand extends DxcpCommand {
    static final String DEFAULT_SERVER = "http://localhost:8080";

    @Option(names = "--embedded", description = "Use the server's development issuer (embedded mode only).")
    boolean embedded;

    @Option(names = "--role", defaultValue = "admin", paramLabel = "ROLE",
            description = "With --embedded: admin, owner, observer or ci (the demo CI client). Default: ${DEFAULT-VALUE}.")
    String role;

    @Option(names = "--email", description = "With --embedded: the email of the human token.")
    String email;

    @Option(names = "--token-url", paramLabel = "URL", description = "OAuth2 token endpoint for client credentials.")
    String tokenUrl;

    @Option(names = "--client-id", paramLabel = "ID", description = "Client id (client credentials).")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET",
            description = "Client secret; prefer DXCP_CLIENT_SECRET (never written to the config file).")
    String clientSecret;

    @Option(names = "--audience", description = "Audience to ask the token for (client credentials).")
    String audience;

    @Option(names = "--token", description = "Use this bearer token (default: DXCP_TOKEN).")
    String token;

    LoginCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        ConfigFile config = cli.config();
        String contextName = Credentials.firstOf(cli.contextOption(), config.currentName(), "default");
        String server = ApiClient.trimSlash(Credentials.firstOf(cli.serverOption(), cli.env("DXCP_SERVER"),
                config.context(contextName).map(c -> c.path("server").asText(null)).orElse(null),
                config.context(null).map(c -> c.path("server").asText(null)).orElse(null), DEFAULT_SERVER));
        ObjectNode auth = CliContext.JSON.createObjectNode();
        String obtained = obtain(server, auth);
        JsonNode whoami = new ApiClient(server, obtained).get("/v1/whoami").json();

        ObjectNode context = CliContext.JSON.createObjectNode();
        context.put("server", server);
        context.set("auth", auth);
        context.put("token", obtained);
        config.saveContext(contextName, context, true);

        String role = TokenClaims.of(obtained).role();
        if (output.json()) {
            ObjectNode answer = CliContext.JSON.createObjectNode();
            answer.put("context", contextName);
            answer.put("server", server);
            answer.put("role", role);
            answer.set("whoami", whoami);
            output.print(answer);
        } else {
            output.line("Logged in to " + server + " as " + Output.text(whoami, "actor_id")
                    + " (" + (role == null ? "no DXCP role" : role) + "), context " + contextName
                    + " saved in " + config.path());
        }
        return ExitCode.OK;
    }

    private String obtain(String server, ObjectNode auth) {
        String secret = Credentials.firstOf(clientSecret, cli.env("DXCP_CLIENT_SECRET"));
        String id = Credentials.firstOf(clientId, cli.env("DXCP_CLIENT_ID"));
        String explicitToken = Credentials.firstOf(token, cli.env("DXCP_TOKEN"));
        if (embedded || (explicitToken == null && id == null && tokenUrl == null
                && TokenIssuer.hasDevelopmentIssuer(server))) {
            return embedded(server, auth, id, secret);
        }
        if (explicitToken != null) {
            auth.put("mode", "token");
            return explicitToken;
        }
        if (id == null) {
            throw new CliFailure(ExitCode.USAGE, server + " runs no development issuer: give --token-url and "
                    + "--client-id (secret in DXCP_CLIENT_SECRET), or a token in DXCP_TOKEN");
        }
        if (secret == null) {
            throw new CliFailure(ExitCode.USAGE, "Client credentials need a secret: set DXCP_CLIENT_SECRET");
        }
        String url = Credentials.firstOf(tokenUrl, cli.env("DXCP_TOKEN_URL"));
        if (url == null) {
            throw new CliFailure(ExitCode.USAGE, "Client credentials need --token-url (or DXCP_TOKEN_URL)");
        }
        String aud = Credentials.firstOf(audience, cli.env("DXCP_AUDIENCE"));
        auth.put("mode", "client_credentials");
        auth.put("token_url", url);
        auth.put("client_id", id);
        if (aud != null) {
            auth.put("audience", aud);
        }
        return TokenIssuer.clientCredentials(url, id, secret, aud);
    }

    private String embedded(String server, ObjectNode auth, String id, String secret) {
        if (!List.of("admin", "owner", "observer", "ci").contains(role)) {
            throw new CliFailure(ExitCode.USAGE, "--role must be admin, owner, observer or ci, not " + role);
        }
        auth.put("mode", "embedded");
        auth.put("role", role);
        if ("ci".equals(role)) {
            String client = Credentials.firstOf(id, TokenIssuer.DEV_CI_CLIENT);
            auth.put("client_id", client);
            return TokenIssuer.clientCredentials(TokenIssuer.developmentTokenUrl(server), client,
                    Credentials.firstOf(secret, TokenIssuer.DEV_CI_SECRET), null);
        }
        if (email != null) {
            auth.put("email", email);
        }
        return TokenIssuer.developmentRole(server, role, email);
    }
}
