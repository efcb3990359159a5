package io.streamdesk.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The add/edit dialog's checks: each names its field; the button is enabled only for a valid form. */
class ClusterEditorViewModelTest {
    private final FakeServices services = new FakeServices();
    private final ClusterDirectory directory = new ServicesClusterDirectory(() -> services);

    private ClusterEditorViewModel adding() {
        return new ClusterEditorViewModel(directory, null, List.of("Local cluster"),
                TestContexts.synchronous(new ManualScheduler()));
    }

    @Test
    void anEmptyFormAsksForTheNameFirstThenTheUrl() {
        ClusterEditorViewModel vm = adding();
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).isEqualTo("Name: a cluster needs a name.");
        vm.nameProperty().set("shared-prod");
        assertThat(vm.problemProperty().get()).startsWith("The REST URL is empty");
        vm.restUrlProperty().set("flink:8081");
        assertThat(vm.problemProperty().get()).startsWith("The REST URL must start with http:// or https://");
        vm.restUrlProperty().set("http://flink-jobmanager:8081/");
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.endpoint().restUrl()).isEqualTo("http://flink-jobmanager:8081");
    }

    @Test
    void namesAreUniqueIgnoringCaseAndBounded() {
        ClusterEditorViewModel vm = adding();
        vm.restUrlProperty().set("http://jm:8081");
        vm.nameProperty().set("  local CLUSTER ");
        assertThat(vm.problemProperty().get()).isEqualTo("Name: a cluster named \u201clocal CLUSTER\u201d already exists.");
        vm.nameProperty().set("x".repeat(ClusterDefinition.MAX_NAME_LENGTH + 1));
        assertThat(vm.problemProperty().get()).startsWith("Name: at most 100 characters");
        vm.nameProperty().set("x".repeat(ClusterDefinition.MAX_NAME_LENGTH));
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void basicAuthNeedsUserAndPasswordAndWarnsOverPlainHttp() {
        ClusterEditorViewModel vm = adding();
        vm.nameProperty().set("proxy");
        vm.restUrlProperty().set("http://proxy:8080/flink");
        vm.passwordProperty().set("secret");
        assertThat(vm.problemProperty().get()).isEqualTo("User: a password needs its user.");
        vm.passwordProperty().set("");
        vm.userProperty().set("analyst");
        assertThat(vm.problemProperty().get()).isEqualTo("Password: basic auth as \u201canalyst\u201d needs the password.");
        vm.passwordProperty().set("secret");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.noteProperty().get()).contains("plain http");
        vm.restUrlProperty().set("https://proxy:8443/flink");
        assertThat(vm.noteProperty().get()).startsWith("No savepoint directory:");
        vm.savepointDirProperty().set("s3://b/sp");
        assertThat(vm.noteProperty().get()).isEmpty();
        vm.userProperty().set("a:b");
        assertThat(vm.problemProperty().get()).startsWith("User: basic auth allows no ':'");
    }

    @Test
    void tlsFilesAreAbsoluteComeInPairsAndNeedHttps() {
        ClusterEditorViewModel vm = adding();
        vm.nameProperty().set("tls");
        vm.restUrlProperty().set("http://jm:8081");
        vm.caFileProperty().set("ca.pem");
        assertThat(vm.problemProperty().get()).startsWith("CA file: give the whole path");
        vm.caFileProperty().set("/etc/flink/ca.pem");
        assertThat(vm.problemProperty().get()).isEqualTo("REST URL: a CA file or client certificate needs an https:// URL.");
        vm.restUrlProperty().set("https://jm:8081");
        assertThat(vm.validProperty().get()).isTrue();
        vm.clientCertProperty().set("/etc/flink/client.pem");
        assertThat(vm.problemProperty().get()).startsWith("Client key: a client certificate needs its key");
        vm.clientKeyProperty().set("/etc/flink/client.key");
        assertThat(vm.validProperty().get()).isTrue();
        RemoteEndpoint e = vm.endpoint();
        assertThat(e.caFile()).isEqualTo(Path.of("/etc/flink/ca.pem"));
        assertThat(e.clientKeyFile()).isEqualTo(Path.of("/etc/flink/client.key"));
        assertThat(e.tls()).isTrue();
    }

    @Test
    void theSavepointDirectoryIsAUriTheClusterCanWrite() {
        ClusterEditorViewModel vm = adding();
        vm.nameProperty().set("s");
        vm.restUrlProperty().set("http://jm:8081");
        vm.savepointDirProperty().set("/shared/savepoints");
        assertThat(vm.problemProperty().get()).startsWith("Savepoint directory: a URI with a scheme");
        vm.savepointDirProperty().set("file:relative/dir");
        assertThat(vm.problemProperty().get()).startsWith("Savepoint directory: a file: URI needs an absolute path");
        vm.savepointDirProperty().set("s3://bucket/savepoints");
        assertThat(vm.validProperty().get()).isTrue();
        vm.savepointDirProperty().set("file:///shared/savepoints");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void savingAddsTheClusterWithThePasswordInTheSecretStoreAndARefusalStaysInTheDialog() {
        ClusterEditorViewModel vm = adding();
        vm.nameProperty().set("prod");
        vm.restUrlProperty().set("https://jm.example:8443");
        vm.userProperty().set("ops");
        vm.passwordProperty().set("s3cret");
        vm.caFileProperty().set("/no/such/ca.pem");
        ClusterDefinition[] saved = {null};
        vm.save(d -> saved[0] = d);
        // the form is valid here; the service finds the file missing and names the field
        assertThat(saved[0]).isNull();
        assertThat(vm.serviceErrorProperty().get()).startsWith("CA file");
        assertThat(vm.busyProperty().get()).isFalse();

        vm.caFileProperty().set("");
        assertThat(vm.serviceErrorProperty().get()).isEmpty();
        vm.save(d -> saved[0] = d);

        assertThat(saved[0]).isNotNull();
        assertThat(saved[0].name()).isEqualTo("prod");
        assertThat(saved[0].endpoint().username()).isEqualTo("ops");
        String secretId = saved[0].endpoint().passwordSecretId();
        assertThat(secretId).isNotNull().doesNotContain("s3cret");
        assertThat(services.secretStore.get(secretId)).contains("s3cret");
        assertThat(vm.passwordProperty().get()).isEmpty();

        // edit with an empty password keeps the stored one
        ClusterEditorViewModel edit = new ClusterEditorViewModel(directory, saved[0], List.of("Local cluster"),
                TestContexts.synchronous(new ManualScheduler()));
        edit.nameProperty().set("prod-eu");
        ClusterDefinition[] updated = {null};
        edit.save(d -> updated[0] = d);
        assertThat(updated[0].name()).isEqualTo("prod-eu");
        assertThat(services.secretStore.get(updated[0].endpoint().passwordSecretId())).contains("s3cret");
        assertThat(services.clusters().definition(saved[0].id()).orElseThrow().name()).isEqualTo("prod-eu");
    }

    @Test
    void editingFillsTheFormAndAnEmptyPasswordKeepsTheStoredOne() {
        ClusterDefinition existing = new ClusterDefinition("c1", "prod", ClusterKind.REMOTE_SESSION,
                new RemoteEndpoint("https://jm:8443", "ops", "secret-1", Path.of("/ca.pem"), null, null),
                "s3://b/sp", Instant.parse("2026-12-01T10:00:00Z"));
        ClusterEditorViewModel vm = new ClusterEditorViewModel(directory, existing, List.of("Local cluster"),
                TestContexts.synchronous(new ManualScheduler()));
        assertThat(vm.adding()).isFalse();
        assertThat(vm.restUrlProperty().get()).isEqualTo("https://jm:8443");
        assertThat(vm.userProperty().get()).isEqualTo("ops");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.passwordPrompt()).isEqualTo("leave empty to keep");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.endpoint().passwordSecretId()).isEqualTo("secret-1");
        // another user without a password: the stored one was for "ops" and is kept only for a user
        vm.userProperty().set("");
        assertThat(vm.endpoint().passwordSecretId()).isNull();
    }
}
