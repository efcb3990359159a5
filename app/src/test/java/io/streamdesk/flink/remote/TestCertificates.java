package io.streamdesk.flink.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.streamdesk.testing.StandaloneFlinkCluster.run;

/**
 * Keys and certificates made with the JDK's keytool and openssl, as an operator would: a server keypair for
 * localhost/127.0.0.1 (PKCS12, exported as PEM), a client keypair (PEM certificate, PKCS#8 PEM key), an unrelated CA,
 * and the server's truststore holding the server and client certificates.
 */
final class TestCertificates {
    static final String PASSWORD = "changeit";
    static final String SERVER_DN = "CN=localhost,O=StreamDesk Test Server";

    final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    static TestCertificates make(Path dir) throws Exception {
        TestCertificates c = new TestCertificates(Files.createDirectories(dir));
        c.keypair("server", SERVER_DN, "SAN=dns:localhost,ip:127.0.0.1");
        c.keypair("client", "CN=streamdesk-client", null);
        c.keypair("other", "CN=Some Other CA", null);
        run(dir, "keytool", "-importcert", "-noprompt", "-alias", "server", "-file", "server.pem",
                "-keystore", "truststore.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
        run(dir, "keytool", "-importcert", "-noprompt", "-alias", "client", "-file", "client.pem",
                "-keystore", "truststore.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
        run(dir, "openssl", "pkcs12", "-in", "client.p12", "-nocerts", "-nodes", "-passin", "pass:" + PASSWORD,
                "-out", "client-raw.key");
        run(dir, "openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "client-raw.key", "-out", "client.key");
        return c;
    }

    private void keypair(String alias, String dn, String san) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("keytool", "-genkeypair",
                "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", dn, "-validity", "3",
                "-storetype", "PKCS12", "-keystore", alias + ".p12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (san != null) {
            cmd.add("-ext");
            cmd.add(san);
        }
        run(dir, cmd.toArray(new String[0]));
        run(dir, "keytool", "-exportcert", "-rfc", "-alias", alias, "-keystore", alias + ".p12",
                "-storepass", PASSWORD, "-file", alias + ".pem");
    }

    Path file(String name) {
        return dir.resolve(name);
    }
}
