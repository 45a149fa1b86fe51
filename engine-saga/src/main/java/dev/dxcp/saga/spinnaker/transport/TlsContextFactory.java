package dev.dxcp.saga.spinnaker.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the client-certificate {@link SSLContext} for mTLS from PEM files or a keystore. */
public final class TlsContextFactory {

    private TlsContextFactory() {
    }

    public static SSLContext build(GateAuthSettings.MutualTls settings) {
        try {
            char[] keyPassword;
            KeyStore identity;
            if (settings.keystore() != null) {
                keyPassword = settings.keystorePassword() == null ? new char[0] : settings.keystorePassword().toCharArray();
                identity = KeyStore.getInstance(settings.keystoreType());
                try (InputStream in = Files.newInputStream(settings.keystore())) {
                    identity.load(in, keyPassword);
                }
            } else {
                // An in-memory store only; the random password never leaves this method.
                byte[] random = new byte[16];
                new SecureRandom().nextBytes(random);
                keyPassword = HexFormat.of().formatHex(random).toCharArray();
                List<X509Certificate> chain = PemReader.certificates(settings.certificatePem());
                PrivateKey key = PemReader.privateKey(settings.privateKeyPem());
                identity = KeyStore.getInstance("PKCS12");
                identity.load(null, null);
                identity.setKeyEntry("dxcp-engine-client", key, keyPassword, chain.toArray(new X509Certificate[0]));
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(identity, keyPassword);

            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), trustManagers(settings), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build the engine mTLS context: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(GateAuthSettings.MutualTls settings)
            throws GeneralSecurityException, IOException {
        KeyStore trusted = null;
        if (settings.caBundlePem() != null) {
            trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int i = 0;
            for (X509Certificate ca : PemReader.certificates(settings.caBundlePem())) {
                trusted.setCertificateEntry("ca-" + i++, ca);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted); // null = the JDK's default trust store
        if (settings.expectedServerName() == null || settings.expectedServerName().isBlank()) {
            return tmf.getTrustManagers();
        }
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x509) {
                return new TrustManager[] {new ExpectedServerNameTrustManager(x509, settings.expectedServerName())};
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }
}
