package io.streamdesk.cli;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code job copy ID [--name N] [--folder F]} over the real services on fakes. */
class JobCopyCommandTest {
    @TempDir
    Path dir;
    FakeServices services;
    CliRunner cli;
    Job source;

    @BeforeEach
    void setUp() {
        services = new FakeServices(dir);
        cli = new CliRunner(() -> services);
        source = services.jobs().createSqlJob("Orders", "/team");
        services.jobs().saveDraft(source.id(), "SELECT 1;");
        services.jobs().publish(source.id(), "first");
    }

    @Test
    void copyPrintsTheNewIdAndTheCopyHasTheDraftButNoVersion() {
        CliRunner.Result result = cli.run("job", "copy", source.id().value(), "--name", "Orders v2", "--folder", "/lab");

        assertThat(result.exitCode()).isZero();
        JobId copyId = new JobId(result.out().strip());
        Job copy = services.jobs().job(copyId);
        assertThat(copy.name()).isEqualTo("Orders v2");
        assertThat(copy.folder()).isEqualTo("/lab");
        assertThat(copy.status()).isEqualTo(JobStatus.UNPUBLISHED);
        assertThat(services.jobs().versions(copyId)).isEmpty();
        assertThat(services.jobs().draft(copyId).orElseThrow().sql()).isEqualTo("SELECT 1;");
    }

    @Test
    void withoutANameTheCopyGetsTheDefaultAndATakenNameIsRefused() {
        CliRunner.Result first = cli.run("job", "copy", source.id().value());
        assertThat(services.jobs().job(new JobId(first.out().strip())).name()).isEqualTo("Orders-copy");

        CliRunner.Result taken = cli.run("job", "copy", source.id().value(), "--name", "orders");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains("Name:").contains("already exists in folder /team");
    }

    @Test
    void tagsAreSetShownAndCopied() {
        CliRunner.Result set = cli.run("job", "tags", source.id().value(), "team=payments", "tier=gold");
        assertThat(set.exitCode()).isZero();
        assertThat(cli.run("job", "tags", source.id().value()).out()).isEqualTo("team=payments\ntier=gold\n");
        assertThat(cli.run("job", "tags", source.id().value(), "nonsense").err()).contains("not KEY=VALUE");

        JobId copy = new JobId(cli.run("job", "copy", source.id().value()).out().strip());
        assertThat(services.jobs().tags(copy)).containsEntry("team", "payments").containsEntry("tier", "gold");
    }
}
