package dev.dxcp.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.server.e2e.DxcpTestEnvironment;
import dev.dxcp.server.e2e.EndToEndTest;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.jwt.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production sign-in (ui.md §2, `oidc` mode) in the browser against the test issuer of test-support:
 * authorization code flow with PKCE, the roles the token carries, expiry in the middle of a session.
 */
class UiOidcSignInTest extends EndToEndTest {
    private Browser browser;

    @BeforeEach
    void browserOnTheServer() {
        env.identity.registerPublicClient(DxcpTestEnvironment.UI_CLIENT_ID, url("/auth/callback"));
        browser = Browser.shared().reset(url(""));
    }

    /** At the issuer's sign-in form: who signs in, with which role and token lifetime. */
    private void signInAtIssuer(String email, String role, int lifetimeSeconds) {
        browser.waitFor(d -> d.getCurrentUrl().startsWith(env.identity.authorizationUrl()) ? Boolean.TRUE : null);
        WebElement emailField = browser.driver().findElement(By.id("email"));
        emailField.clear();
        emailField.sendKeys(email);
        new Select(browser.driver().findElement(By.id("role"))).selectByValue(role);
        WebElement lifetime = browser.driver().findElement(By.id("lifetime"));
        lifetime.clear();
        lifetime.sendKeys(String.valueOf(lifetimeSeconds));
        browser.driver().findElement(By.id("sign-in")).click();
    }

    @Test
    @DisplayName("ui.md check 2: in oidc mode Sign in goes to the authorize endpoint with code_challenge_method=S256 and state; no token ends up in localStorage")
    void oidcSignInUsesPkceS256WithStateAndKeepsNoTokenInLocalStorage() {
        browser.open("/services");
        browser.awaitPath("/signin");
        assertThat(browser.present("embedded-strip")).isFalse();
        browser.screenshot("oidc-sign-in");
        browser.clickButton("Sign in");

        browser.waitFor(d -> d.getCurrentUrl().startsWith(env.identity.authorizationUrl()) ? Boolean.TRUE : null);
        Map<String, String> query = query(browser.driver().getCurrentUrl());
        assertThat(query.get("code_challenge_method")).isEqualTo("S256");
        assertThat(query.get("state")).isNotBlank();
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(query.get("response_type")).isEqualTo("code");
        assertThat(query.get("client_id")).isEqualTo(DxcpTestEnvironment.UI_CLIENT_ID);
        assertThat(query.get("redirect_uri")).isEqualTo(url("/auth/callback"));
        assertThat(query.get("audience")).isEqualTo(env.identity.audience());
        assertThat(query.get("nonce")).isNotBlank();

        signInAtIssuer("observer@dxcp.example", TestIdentityProvider.ROLE_OBSERVERS, 3600);
        browser.awaitPath("/services");
        assertThat(browser.text("role-badge")).isEqualTo("OBSERVER");
        String accessToken = (String) browser.js("return JSON.parse(sessionStorage.getItem('dxcp.session')).accessToken;");
        assertThat(accessToken).isNotBlank();
        String localStorage = (String) browser.js("return JSON.stringify(Object.entries(localStorage));");
        assertThat(localStorage).doesNotContain(accessToken).doesNotContain(accessToken.substring(0, 40));
        assertThat((String) browser.js("return document.cookie;")).doesNotContain(accessToken.substring(0, 40));
        assertThat(TestHttp.get(url("/v1/whoami"), accessToken).json().path("email").asText()).isEqualTo("observer@dxcp.example");
    }

    @Test
    @DisplayName("ui.md check 3: a CI publisher token sees only the \"no DXCP screens\" page")
    void ciPublisherSeesOnlyTheNoScreensPage() {
        browser.open("/services");
        browser.clickButton("Sign in");
        signInAtIssuer("pipeline@ci.example", TestIdentityProvider.ROLE_CI_PUBLISHERS, 3600);
        assertThat(browser.awaitText("ci-only", "no DXCP screens"))
                .isEqualTo("This identity publishes builds and has no DXCP screens.");
        assertThat(browser.present("role-badge")).isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("nav"))).isEmpty();
        assertThat(browser.buttonPresent("Sign out")).isTrue();
        browser.open("/deployments");
        browser.awaitText("ci-only", "no DXCP screens");
        browser.screenshot("ci-publisher");
    }

    @Test
    @DisplayName("ui.md §1: a token without a DXCP role gets \"You have no DXCP role; ask a platform admin\" with the request_id")
    void tokenWithoutRoleSeesNoRolePageWithRequestId() {
        browser.open("/services");
        browser.clickButton("Sign in");
        signInAtIssuer("nobody@dxcp.example", "none", 3600);
        assertThat(browser.awaitText("no-role", "no DXCP role")).isEqualTo("You have no DXCP role; ask a platform admin.");
        assertThat(browser.text("problem-request-id")).isNotBlank();
    }

    @Test
    @DisplayName("ui.md check 25: when the token expires mid-session the user signs in again and returns to the same URL")
    void expiredTokenLeadsToSignInAndBackToTheSameUrl() {
        browser.open("/deployments?service=demo-service");
        browser.awaitPath("/signin");
        browser.clickButton("Sign in");
        signInAtIssuer(TestIdentityProvider.OBSERVER_EMAIL, TestIdentityProvider.ROLE_OBSERVERS, 8);
        browser.awaitPath("/deployments?service=demo-service");
        browser.byTestId("role-badge");

        // The issuer keeps no session, so the silent renewal before expiry fails: back to sign-in.
        browser.awaitText("session-expired", "Your session ended");
        assertThat(query(browser.driver().getCurrentUrl()).get("returnTo")).isEqualTo("/deployments?service=demo-service");
        browser.screenshot("session-expired");
        browser.clickButton("Sign in");
        signInAtIssuer(TestIdentityProvider.OBSERVER_EMAIL, TestIdentityProvider.ROLE_OBSERVERS, 3600);
        browser.awaitPath("/deployments?service=demo-service");
        browser.byTestId("role-badge");
        assertThat(browser.path()).isEqualTo("/deployments?service=demo-service");
    }

    @Test
    @DisplayName("The web UI is served at / beside /v1: pages get index.html, API, actuator and unknown assets keep their JSON answers")
    void uiIsServedBesideTheApiWithoutShadowingIt() {
        TestHttp.Response index = TestHttp.get(url("/deployments/some-id"), null, "Accept", "text/html");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("<div id=\"root\">");
        assertThat(index.header("Cache-Control")).contains("no-cache");
        String script = index.body().replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        TestHttp.Response asset = TestHttp.get(url(script), null);
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Cache-Control").orElse("")).contains("immutable");

        assertError(TestHttp.get(url("/v1/no-such-endpoint"), null, "Accept", "text/html"), 404, "HTTP_ERROR");
        assertError(TestHttp.get(url("/assets/missing.js"), null), 404, "HTTP_ERROR");
        assertThat(TestHttp.get(url("/actuator/health"), null, "Accept", "text/html").body()).doesNotContain("<div id=\"root\">");
        assertThat(TestHttp.get(url("/v1/health"), null, "Accept", "text/html").body()).doesNotContain("<div id=\"root\">");

        JsonNode config = TestHttp.get(url("/ui-config.json"), null).json();
        assertThat(config.path("auth").path("mode").asText()).isEqualTo("oidc");
        assertThat(config.path("oidc").path("issuer").asText()).isEqualTo(env.identity.issuer());
        assertThat(config.path("oidc").path("clientId").asText()).isEqualTo(DxcpTestEnvironment.UI_CLIENT_ID);
        assertThat(config.path("oidc").path("audience").asText()).isEqualTo(env.identity.audience());
        assertThat(config.path("oidc").path("scope").asText()).isEqualTo("openid profile email");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
