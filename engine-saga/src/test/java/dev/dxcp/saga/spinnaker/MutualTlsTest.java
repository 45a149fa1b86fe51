package dev.dxcp.saga.spinnaker;

import static dev.dxcp.saga.spinnaker.ScriptedGateStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.dxcp.saga.spinnaker.transport.EngineErrorCode;
import dev.dxcp.saga.spinnaker.transport.ExpectedServerNameTrustManager;
import dev.dxcp.saga.spinnaker.transport.GateAuth;
import dev.dxcp.saga.spinnaker.transport.GateAuthSettings;
import dev.dxcp.saga.spinnaker.transport.GateSettings;
import dev.dxcp.saga.spinnaker.transport.RetrySettings;
import dev.dxcp.saga.spinnaker.transport.TlsContextFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mTLS against an HTTPS stub that requires a client certificate. The server certificate names only
 * {@code gate.test}, while the client dials 127.0.0.1: the configured expected server name is what
 * makes the handshake succeed, and a wrong or missing one must make it fail.
 */
class MutualTlsTest {

    @TempDir
    static Path dir;
    private static Path serverP12;
    private static Path clientP12;
    private static Path serverCertPem;
    private static Path clientCertPem;
    private static Path clientKeyPem;

    private ScriptedGateStub gate;
    private final AtomicReference<String> peer = new AtomicReference<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        serverP12 = TestCertificates.keystore(dir, "server", "gate.test", "dns:gate.test");
        clientP12 = TestCertificates.keystore(dir, "client", "dxcp-client", "dns:dxcp-client");
        serverCertPem = TestCertificates.certificatePem(serverP12, "server", dir.resolve("server.pem"));
        clientCertPem = TestCertificates.certificatePem(clientP12, "client", dir.resolve("client.pem"));
        clientKeyPem = TestCertificates.pkcs8KeyPem(clientP12, "client", dir.resolve("client-key.pem"));
    }

    @BeforeEach
    void startHttpsGate() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(TestCertificates.load(serverP12), TestCertificates.PASSWORD.toCharArray());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("client", TestCertificates.load(clientP12).getCertificate("client"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        gate = ScriptedGateStub.start(https);
        gate.on("GET", "/health", exchange -> {
            peer.set(((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName());
            json(200, "{\"status\":\"UP\"}").respond(exchange);
        });
    }

    @AfterEach
    void stopGate() {
        gate.close();
    }

    private HealthStatus healthWith(GateAuthSettings.MutualTls tls) {
        GateSettings settings = new GateSettings(gate.baseUrl(), tls, Duration.ofSeconds(3), Duration.ofSeconds(3),
                RetrySettings.none(), "dxcp-service");
        return new HttpGateClient(settings, GateAuth.from(settings, Clock.systemUTC()), d -> { }).health();
    }

    @Test
    void pemClientCertificateIsAcceptedAndTheUserHeaderIsSent() {
        HealthStatus health = healthWith(
                GateAuthSettings.MutualTls.fromPem(clientCertPem, clientKeyPem, serverCertPem, "gate.test"));

        assertThat(health.up()).as("health: %s", health).isTrue();
        assertThat(peer.get()).isEqualTo("CN=dxcp-client");
        assertThat(gate.last().header("X-Spinnaker-User")).isEqualTo("dxcp-service");
        assertThat(gate.last().header("Authorization")).isNull();
    }

    @Test
    void pkcs1PemKeyIsAccepted() throws Exception {
        Path pkcs1 = TestCertificates.pkcs1KeyPem(clientP12, "client", dir.resolve("client-rsa.pem"));

        assertThat(Files.readString(pkcs1)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(healthWith(GateAuthSettings.MutualTls.fromPem(clientCertPem, pkcs1, serverCertPem, "gate.test")).up())
                .isTrue();
    }

    @Test
    void pkcs12KeystoreIsAccepted() {
        HealthStatus health = healthWith(GateAuthSettings.MutualTls.fromKeystore(clientP12, TestCertificates.PASSWORD,
                serverCertPem, "gate.test"));

        assertThat(health.up()).isTrue();
        assertThat(peer.get()).isEqualTo("CN=dxcp-client");
    }

    @Test
    void serverNameOtherThanTheExpectedOneIsRejected() {
        HealthStatus wrongName = healthWith(
                GateAuthSettings.MutualTls.fromPem(clientCertPem, clientKeyPem, serverCertPem, "other.test"));
        HealthStatus urlHost = healthWith(
                GateAuthSettings.MutualTls.fromPem(clientCertPem, clientKeyPem, serverCertPem, null));

        assertThat(wrongName.up()).isFalse();
        assertThat(wrongName.failure()).isEqualTo(EngineErrorCode.ENGINE_UNAVAILABLE);
        assertThat(wrongName.operatorHint()).contains("TLS");
        assertThat(urlHost.up()).as("127.0.0.1 is not on the certificate").isFalse();
        assertThat(peer.get()).isNull();
    }

    @Test
    void stubRefusesAClientWithoutCertificate() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", TestCertificates.load(serverP12).getCertificate("server"));
        tmf.init(trusted);
        SSLContext noClientCert = SSLContext.getInstance("TLS");
        noClientCert.init(null, new TrustManager[] {
            new ExpectedServerNameTrustManager((X509ExtendedTrustManager) tmf.getTrustManagers()[0], "gate.test")}, null);
        GateSettings settings = new GateSettings(gate.baseUrl(), GateAuthSettings.none(), Duration.ofSeconds(3),
                Duration.ofSeconds(3), RetrySettings.none(), "dxcp-service");
        HttpClient http = HttpClient.newBuilder().sslContext(noClientCert).build();

        HealthStatus health = new HttpGateClient(settings, request -> { }, http, d -> { }).health();

        assertThat(health.up()).isFalse();
        assertThat(health.failure()).isEqualTo(EngineErrorCode.ENGINE_UNAVAILABLE);
    }

    @Test
    void unreadableKeyMaterialIsAClearConfigurationError() throws Exception {
        Path encrypted = Files.writeString(dir.resolve("enc.pem"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");

        assertThatThrownBy(() -> TlsContextFactory.build(
                GateAuthSettings.MutualTls.fromPem(clientCertPem, encrypted, null, null)))
                .hasMessageContaining("PKCS12");
        assertThatThrownBy(() -> TlsContextFactory.build(
                GateAuthSettings.MutualTls.fromPem(clientCertPem, serverCertPem, null, null)))
                .hasMessageContaining("no PKCS#8 or PKCS#1 private key");
    }
}
