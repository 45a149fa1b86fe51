package dev.dxcp.saga.spinnaker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates made for a test run with the JDK's keytool, plus PEM copies written here,
 * so no key material is ever checked in.
 */
final class TestCertificates {

    static final String PASSWORD = "test-only-pass";

    private TestCertificates() {
    }

    /** Generates an RSA key pair and self-signed certificate into {@code <dir>/<alias>.p12}. */
    static Path keystore(Path dir, String alias, String commonName, String subjectAltName)
            throws IOException, InterruptedException {
        Path store = dir.resolve(alias + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", alias, "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=" + commonName, "-ext", "san=" + subjectAltName, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return store;
    }

    static KeyStore load(Path p12) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    static Path certificatePem(Path p12, String alias, Path out) throws IOException, GeneralSecurityException {
        Certificate cert = load(p12).getCertificate(alias);
        Files.writeString(out, pem("CERTIFICATE", cert.getEncoded()));
        return out;
    }

    /** The private key as PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    static Path pkcs8KeyPem(Path p12, String alias, Path out) throws IOException, GeneralSecurityException {
        Files.writeString(out, pem("PRIVATE KEY", privateKey(p12, alias).getEncoded()));
        return out;
    }

    /**
     * The same RSA key as PKCS#1 ({@code BEGIN RSA PRIVATE KEY}): the JDK's PKCS#8 encoding of a 2048-bit
     * key wraps the PKCS#1 bytes after a fixed 26-byte header (sequence, version, algorithm, octet string).
     */
    static Path pkcs1KeyPem(Path p12, String alias, Path out) throws IOException, GeneralSecurityException {
        byte[] pkcs8 = privateKey(p12, alias).getEncoded();
        if (pkcs8[22] != 0x04 || pkcs8[23] != (byte) 0x82) {
            throw new IllegalStateException("unexpected PKCS#8 layout");
        }
        Files.writeString(out, pem("RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length)));
        return out;
    }

    private static PrivateKey privateKey(Path p12, String alias) throws IOException, GeneralSecurityException {
        return (PrivateKey) load(p12).getKey(alias, PASSWORD.toCharArray());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
