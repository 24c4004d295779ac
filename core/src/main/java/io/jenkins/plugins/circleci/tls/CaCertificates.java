package io.jenkins.plugins.circleci.tls;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * CA certificates an administrator trusts for one CircleCI server, in addition to the JVM's default CAs: a server
 * whose chain ends at one of these is trusted, and so is every server the JVM trusts anyway. Host names are still
 * verified (by OkHttp, which this class leaves alone), and nothing here can trust everything.
 *
 * <p>Immutable. The trust manager and socket factory are built once per instance, so clients built with the same
 * instance share OkHttp's connection pool (OkHttp pools connections by their socket factory among other things):
 * keep one instance per configured text rather than parsing it for every client.
 */
public final class CaCertificates {
    private final List<X509Certificate> certificates;
    private volatile Trust trust;

    private CaCertificates(List<X509Certificate> certificates) {
        this.certificates = certificates;
    }

    /**
     * Parses PEM text: one or more {@code -----BEGIN CERTIFICATE-----} blocks.
     *
     * @throws InvalidRequestException saying what was wrong with the text and what to paste instead
     */
    public static CaCertificates parse(String pem) {
        return new CaCertificates(PemCertificates.parse(pem));
    }

    /** The certificates, in the order given. */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** One summary per certificate, judged at {@code now}. */
    public List<CertificateSummary> summaries(Instant now) {
        Objects.requireNonNull(now, "now");
        return certificates.stream().map(c -> CertificateSummary.of(c, now)).toList();
    }

    /** Trusts the JVM's default CAs (its {@code javax.net.ssl.trustStore}, if one is set) and these. */
    public X509TrustManager trustManager() {
        return trust().manager;
    }

    /** An {@link SSLContext} with {@link #trustManager()} and no client certificate. */
    public SSLContext sslContext() {
        return trust().context;
    }

    /** The same instance every time (a new one per call would keep OkHttp from reusing connections). */
    public SSLSocketFactory socketFactory() {
        return trust().socketFactory;
    }

    /** Makes {@code builder}'s requests trust these CAs besides the JVM's; host name verification is unchanged. */
    public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
        return builder.sslSocketFactory(socketFactory(), trustManager());
    }

    private Trust trust() {
        Trust t = trust;
        if (t == null) {
            synchronized (this) {
                t = trust;
                if (t == null) {
                    t = Trust.of(certificates);
                    trust = t;
                }
            }
        }
        return t;
    }

    /** Never the certificates' text: only how many and whose. */
    @Override
    public String toString() {
        return "CaCertificates" + certificates.stream()
                .map(c -> c.getSubjectX500Principal().getName()).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaCertificates other && certificates.equals(other.certificates);
    }

    @Override
    public int hashCode() {
        return certificates.hashCode();
    }

    /**
     * One trust store with the JVM's default CAs and the added ones, validated by the JDK's own PKIX trust manager:
     * a chain may then run through an added intermediate up to a default root, or the other way round, which two
     * trust managers asked one after the other could not do.
     */
    private static final class Trust {
        final X509TrustManager manager;
        final SSLContext context;
        final SSLSocketFactory socketFactory;

        private Trust(X509TrustManager manager, SSLContext context) {
            this.manager = manager;
            this.context = context;
            this.socketFactory = context.getSocketFactory();
        }

        static Trust of(List<X509Certificate> added) {
            try {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int n = 0;
                for (X509Certificate jvm : x509Manager(defaultFactory(null)).getAcceptedIssuers()) {
                    store.setCertificateEntry("jvm-" + n++, jvm);
                }
                n = 0;
                for (X509Certificate certificate : added) {
                    store.setCertificateEntry("added-" + n++, certificate);
                }
                X509TrustManager manager = x509Manager(defaultFactory(store));
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {manager}, null);
                return new Trust(manager, context);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("This JVM cannot build a TLS trust store: " + e, e);
            }
        }

        private static TrustManagerFactory defaultFactory(KeyStore store) throws GeneralSecurityException {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        }

        private static X509TrustManager x509Manager(TrustManagerFactory factory) {
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("The JVM's default trust manager factory ("
                    + factory.getAlgorithm() + ") has no X509TrustManager.");
        }
    }
}
