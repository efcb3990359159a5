package io.streamdesk.flink.rest;

import javax.net.ssl.KeyManager;
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
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TLS side of a REST endpoint (R2): trust the system trust store or a PEM CA file, and optionally present a PEM
 * client certificate with its PKCS#8 key (mutual TLS). The trust manager remembers the certificate the server showed,
 * so a refused handshake can name it.
 */
public final class RestTls {

    /** A PEM file bigger than this is not a certificate or a key. */
    static final long MAX_PEM_BYTES = 1024 * 1024;

    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");

    private final SSLContext context;
    private final RememberingTrustManager trust;
    private final String trustSource;
    private final boolean clientCertificate;

    private RestTls(SSLContext context, RememberingTrustManager trust, String trustSource, boolean clientCertificate) {
        this.context = context;
        this.trust = trust;
        this.trustSource = trustSource;
        this.clientCertificate = clientCertificate;
    }

    /**
     * @param caFile     PEM CA (or certificate) to trust instead of the system trust store, or null
     * @param clientCert PEM client certificate (chain) for mutual TLS, or null
     * @param clientKey  its PKCS#8 PEM key, or null
     * @throws IllegalArgumentException with a user-facing message naming the file and what is wrong with it
     */
    public static RestTls of(Path caFile, Path clientCert, Path clientKey) {
        try {
            X509TrustManager base;
            String source;
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile == null) {
                tmf.init((KeyStore) null);
                source = "the system trust store";
            } else {
                List<X509Certificate> cas = certificates(caFile, "CA file");
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                for (int i = 0; i < cas.size(); i++) {
                    store.setCertificateEntry("ca-" + i, cas.get(i));
                }
                tmf.init(store);
                source = "the CA file " + caFile;
            }
            base = x509(tmf.getTrustManagers());
            KeyManager[] keyManagers = null;
            if (clientCert != null && clientKey != null) {
                List<X509Certificate> chain = certificates(clientCert, "client certificate");
                PrivateKey key = privateKey(clientKey);
                char[] password = "streamdesk".toCharArray();
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, password);
                keyManagers = kmf.getKeyManagers();
            }
            RememberingTrustManager trust = new RememberingTrustManager(base);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new TrustManager[]{trust}, null);
            return new RestTls(context, trust, source, keyManagers != null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("The TLS settings cannot be used: " + e.getMessage(), e);
        }
    }

    public SSLContext context() {
        return context;
    }

    /** "the system trust store" or "the CA file /path". */
    public String trustSource() {
        return trustSource;
    }

    public boolean presentsClientCertificate() {
        return clientCertificate;
    }

    /** The subject of the certificate the server showed last, or null before any handshake. */
    public X509Certificate lastServerCertificate() {
        return trust.last;
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("The JDK has no X.509 trust manager");
    }

    private static String read(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The " + what + " " + file + " does not exist or is not a file.");
        }
        if (Files.size(file) > MAX_PEM_BYTES) {
            throw new IllegalArgumentException("The " + what + " " + file + " is larger than 1 MB: not a PEM file.");
        }
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    static List<X509Certificate> certificates(Path file, String what) throws IOException {
        String pem = read(file, what);
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("The " + what + " " + file
                    + " has no PEM certificate (-----BEGIN CERTIFICATE-----).");
        }
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("The " + what + " " + file + " has no certificate.");
            }
            return out;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("The " + what + " " + file + " is not a valid PEM certificate: "
                    + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file) throws IOException {
        String pem = read(file, "client key");
        Matcher m = PEM_KEY.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("PRIVATE KEY")) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                for (String algorithm : List.of("RSA", "EC", "Ed25519", "DSA")) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                    } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                        // try the next algorithm
                    }
                }
                throw new IllegalArgumentException("The client key " + file + " is PKCS#8 but of an unknown algorithm.");
            }
            if (type.equals("ENCRYPTED PRIVATE KEY")) {
                throw new IllegalArgumentException("The client key " + file + " is encrypted; give it unencrypted "
                        + "(openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8) and keep the file private.");
            }
            if (type.endsWith("PRIVATE KEY")) {
                throw new IllegalArgumentException("The client key " + file + " is " + type + " PEM, not PKCS#8; convert "
                        + "it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
            }
        }
        throw new IllegalArgumentException("The client key " + file
                + " has no PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----).");
    }

    /** Delegates to the real trust manager and remembers the server's certificate. */
    private static final class RememberingTrustManager implements X509TrustManager {
        private final X509TrustManager delegate;
        private volatile X509Certificate last;

        RememberingTrustManager(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain != null && chain.length > 0) {
                last = chain[0];
            }
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
