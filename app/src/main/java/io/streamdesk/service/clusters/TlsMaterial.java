package io.streamdesk.service.clusters;

import io.streamdesk.model.cluster.RemoteEndpoint;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The TLS side of a {@link RemoteEndpoint} for the connectivity test: the trust (system trust store, or the PEM CA
 * file) and the optional client certificate (PEM certificate and PKCS#8 PEM key). The trust manager remembers the
 * certificate the server showed, so an untrusted one can be named in the message.
 */
final class TlsMaterial {
    /** PEM files are small; a bigger file is not a certificate. */
    static final long MAX_PEM_BYTES = 1_048_576;

    private TlsMaterial() {
    }

    /** An SSL context for {@code endpoint} (null: the system trust store, no client certificate). */
    static SSLContext context(RemoteEndpoint endpoint, AtomicReference<X509Certificate> shown) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (endpoint != null && endpoint.caFile() != null) {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                int i = 0;
                for (X509Certificate c : certificates(endpoint.caFile(), "CA file")) {
                    trust.setCertificateEntry("ca-" + i++, c);
                }
                tmf.init(trust);
            } else {
                tmf.init((KeyStore) null);
            }
            X509TrustManager delegate = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    delegate = x;
                }
            }
            X509TrustManager recording = recording(delegate, shown);
            javax.net.ssl.KeyManager[] keys = null;
            if (endpoint != null && endpoint.clientCertFile() != null) {
                List<X509Certificate> chain = certificates(endpoint.clientCertFile(), "Client certificate");
                PrivateKey key = privateKey(endpoint.clientKeyFile());
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("client", key, new char[0], chain.toArray(new Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, new char[0]);
                keys = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, new TrustManager[]{recording}, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("The TLS files cannot be used: " + e.getMessage(), e);
        }
    }

    static List<X509Certificate> certificates(Path file, String field) throws IOException {
        byte[] bytes = read(file, field);
        try {
            Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : all) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(field + " " + file + " holds no certificate (PEM expected).");
            }
            return out;
        } catch (CertificateException e) {
            throw new IllegalArgumentException(field + " " + file + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file) throws IOException {
        String pem = new String(read(file, "Client key"), StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("Client key " + file + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY); "
                    + "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("Client key " + file + " is neither an RSA, EC nor Ed25519 PKCS#8 key.");
    }

    private static byte[] read(Path file, String field) throws IOException {
        if (Files.size(file) > MAX_PEM_BYTES) {
            throw new IllegalArgumentException(field + " " + file + " is larger than 1 MiB.");
        }
        return Files.readAllBytes(file);
    }

    private static X509TrustManager recording(X509TrustManager plain, AtomicReference<X509Certificate> shown) {
        javax.net.ssl.X509ExtendedTrustManager delegate = (javax.net.ssl.X509ExtendedTrustManager) plain;
        return new javax.net.ssl.X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                delegate.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket)
                    throws CertificateException {
                delegate.checkClientTrusted(chain, authType, socket);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
                    throws CertificateException {
                delegate.checkClientTrusted(chain, authType, engine);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                remember(chain);
                delegate.checkServerTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket)
                    throws CertificateException {
                remember(chain);
                delegate.checkServerTrusted(chain, authType, socket);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
                    throws CertificateException {
                remember(chain);
                delegate.checkServerTrusted(chain, authType, engine);
            }

            private void remember(X509Certificate[] chain) {
                if (chain != null && chain.length > 0) {
                    shown.set(chain[0]);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return delegate.getAcceptedIssuers();
            }
        };
    }
}
