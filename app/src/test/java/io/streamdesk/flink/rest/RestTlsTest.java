package io.streamdesk.flink.rest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.streamdesk.testing.StandaloneFlinkCluster.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS files made with openssl as a user would have them; each unusable one says what is wrong and where. */
class RestTlsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeFiles() throws Exception {
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out",
                "client.pem", "-days", "2", "-subj", "/CN=client");
        run(dir, "openssl", "rsa", "-in", "client.key", "-traditional", "-out", "pkcs1.key");
        run(dir, "openssl", "pkcs8", "-topk8", "-in", "client.key", "-v2", "aes256", "-passout", "pass:x", "-out",
                "encrypted.key");
    }

    @Test
    void aPemCertificateAndPkcs8KeyMakeAContext() {
        RestTls tls = RestTls.of(dir.resolve("client.pem"), dir.resolve("client.pem"), dir.resolve("client.key"));
        assertThat(tls.presentsClientCertificate()).isTrue();
        assertThat(tls.trustSource()).isEqualTo("the CA file " + dir.resolve("client.pem"));
        assertThat(RestTls.of(null, null, null).trustSource()).isEqualTo("the system trust store");
    }

    @Test
    void aPkcs1KeyIsRefusedWithTheConversionCommand() throws Exception {
        assertThat(Files.readString(dir.resolve("pkcs1.key"))).contains("BEGIN RSA PRIVATE KEY");
        assertThatThrownBy(() -> RestTls.of(null, dir.resolve("client.pem"), dir.resolve("pkcs1.key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("pkcs1.key").toString())
                .hasMessageContaining("RSA PRIVATE KEY PEM, not PKCS#8")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void anEncryptedKeyIsRefused() {
        assertThatThrownBy(() -> RestTls.of(null, dir.resolve("client.pem"), dir.resolve("encrypted.key")))
                .hasMessageContaining("is encrypted");
    }

    @Test
    void aMissingOrWrongCaFileIsNamed() {
        assertThatThrownBy(() -> RestTls.of(dir.resolve("nope.pem"), null, null))
                .hasMessageContaining("The CA file " + dir.resolve("nope.pem") + " does not exist");
        assertThatThrownBy(() -> RestTls.of(dir.resolve("client.key"), null, null))
                .hasMessageContaining("has no PEM certificate");
    }
}
