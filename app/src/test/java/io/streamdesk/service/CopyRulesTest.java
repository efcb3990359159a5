package io.streamdesk.service;

import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.DraftSettings;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobResources;
import io.streamdesk.model.JobId;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CopyRulesTest {
    static final ClusterProfile OLD = new ClusterProfile("old", "Old cluster", List.of("1.20.1", "2.3.0"), "1.20.1", true, false);
    static final ClusterProfile NEW = new ClusterProfile("new", "New cluster", List.of("2.3.0"), "2.3.0", true, false);
    static final ClusterProfile COARSE = new ClusterProfile("coarse", "Coarse cluster", List.of("1.20.1", "2.3.0"), "2.3.0", false, true);

    @Test
    void aFlinkVersionTheTargetLacksBecomesTheTargetsDefault() {
        CopyRules.Settings s = CopyRules.settingsFor(Map.of(DraftSettings.FLINK_VERSION, "1.20.1"), OLD, NEW);
        assertThat(s.values()).containsEntry(DraftSettings.FLINK_VERSION, "2.3.0");
        assertThat(s.notes()).singleElement().asString().contains("1.20.1").contains("New cluster").contains("2.3.0");
    }

    @Test
    void aFlinkVersionTheTargetOffersIsKept() {
        CopyRules.Settings s = CopyRules.settingsFor(Map.of(DraftSettings.FLINK_VERSION, "1.20.1"), OLD, COARSE);
        assertThat(s.values()).containsEntry(DraftSettings.FLINK_VERSION, "1.20.1");
        assertThat(s.notes()).noneMatch(n -> n.contains("Flink"));
    }

    @Test
    void withoutAnExplicitVersionTheSourceClustersDefaultIsWhatTheJobRanOn() {
        // the source ran on OLD's default 1.20.1; NEW lacks it
        CopyRules.Settings s = CopyRules.settingsFor(Map.of(), OLD, NEW);
        assertThat(s.values()).containsEntry(DraftSettings.FLINK_VERSION, "2.3.0");
        assertThat(s.notes()).hasSize(1);
    }

    @Test
    void aTargetWithoutFineGrainedResourcesGetsOneCuForJobManagerAndTaskManager() {
        JobConfig source = JobConfig.defaults().withResources(new JobResources(0.5, 2.0, 3))
                .withParameters("pipeline.max-parallelism: 64\n");
        CopyRules.Config coarse = CopyRules.configFor(source, COARSE);
        assertThat(coarse.config().resources()).isEqualTo(new JobResources(1.0, 1.0, 3));
        assertThat(coarse.config().parameters()).isEqualTo("pipeline.max-parallelism: 64\n");
        assertThat(coarse.notes()).singleElement().asString().contains("1 CU");

        CopyRules.Config kept = CopyRules.configFor(source, OLD);
        assertThat(kept.config()).isEqualTo(source);
        assertThat(kept.notes()).isEmpty();
        assertThat(CopyRules.configFor(JobConfig.defaults(), COARSE).notes()).as("already 1 CU each").isEmpty();
        assertThat(CopyRules.configFor(null, COARSE).config()).isNull();
    }

    @Test
    void otherSettingsAreCopiedUnchanged() {
        Map<String, String> source = Map.of(DraftSettings.LOG_LEVEL, "DEBUG", "some.future.key", "x");
        CopyRules.Settings s = CopyRules.settingsFor(source, NEW, NEW);
        assertThat(s.values()).containsEntry(DraftSettings.LOG_LEVEL, "DEBUG").containsEntry("some.future.key", "x");
        assertThat(s.notes()).isEmpty();
    }

    @Test
    void onlyCompletedManualSavepointsAreShared() {
        for (SavepointSource source : SavepointSource.values()) {
            for (SavepointStatus status : SavepointStatus.values()) {
                SavepointRecord sp = new SavepointRecord(1, new JobId("cql-abcdefgh"), 1, 1, "file:/sp", source, status,
                        null, Instant.now());
                assertThat(CopyRules.sharedWithCopy(sp)).as(source + "/" + status)
                        .isEqualTo(source == SavepointSource.MANUAL && status == SavepointStatus.COMPLETED);
            }
        }
    }

    @Test
    void defaultNamesAreNumberedWhenTakenIgnoringCase() {
        assertThat(CopyRules.defaultName("orders", List.of("orders"))).isEqualTo("orders-copy");
        assertThat(CopyRules.defaultName("orders", List.of("orders", "ORDERS-COPY"))).isEqualTo("orders-copy-2");
        assertThat(CopyRules.defaultName("orders", List.of("orders-copy", "orders-copy-2"))).isEqualTo("orders-copy-3");
    }

    @Test
    void aDefaultNameStaysWithinTheNameLimit() {
        String longName = "n".repeat(InputLimits.MAX_NAME);
        String name = CopyRules.defaultName(longName, List.of(longName));
        assertThat(name).hasSizeLessThanOrEqualTo(InputLimits.MAX_NAME).endsWith("-copy");
        String second = CopyRules.defaultName(longName, List.of(longName, name));
        assertThat(second).hasSizeLessThanOrEqualTo(InputLimits.MAX_NAME).endsWith("-copy-2");
    }
}
