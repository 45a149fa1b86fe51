package dev.dxcp.saga.spinnaker.transport;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Validates the server's chain as usual but checks its name against a configured expected server name
 * instead of the URL's host: Gate is sometimes reached by IP, through a tunnel or a load balancer whose
 * address is not on the certificate. Being an {@link X509ExtendedTrustManager}, it replaces the JDK's
 * host check rather than adding to it, so the name check here is the only one and must stay strict.
 */
public final class ExpectedServerNameTrustManager extends X509ExtendedTrustManager {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private final X509ExtendedTrustManager delegate;
    private final String expectedName;

    public ExpectedServerNameTrustManager(X509ExtendedTrustManager delegate, String expectedName) {
        this.delegate = delegate;
        this.expectedName = expectedName.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        checkName(chain[0]);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    private void checkName(X509Certificate leaf) throws CertificateException {
        Collection<List<?>> names;
        try {
            names = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new CertificateException("cannot read the server certificate's names", e);
        }
        if (names != null) {
            for (List<?> entry : names) {
                int type = (Integer) entry.get(0);
                String value = String.valueOf(entry.get(1)).toLowerCase(Locale.ROOT);
                if ((type == DNS_NAME && dnsMatches(value)) || (type == IP_ADDRESS && value.equals(expectedName))) {
                    return;
                }
            }
        }
        throw new CertificateException("server certificate does not name " + expectedName);
    }

    /** Exact match, or a single left-most wildcard label ({@code *.example.com} matches {@code a.example.com}). */
    private boolean dnsMatches(String pattern) {
        if (pattern.equals(expectedName)) {
            return true;
        }
        if (pattern.startsWith("*.")) {
            int dot = expectedName.indexOf('.');
            return dot > 0 && expectedName.substring(dot).equals(pattern.substring(1));
        }
        return false;
    }
}
