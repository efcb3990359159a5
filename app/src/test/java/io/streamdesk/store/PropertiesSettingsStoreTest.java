package io.streamdesk.store;

import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.metrics.MonitoringService;
import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings file and the sampling interval kept in it (MO1: "default every 15 s, a setting"). */
class PropertiesSettingsStoreTest {
    @TempDir
    Path dir;

    private MonitoringService monitoring(PropertiesSettingsStore settings) {
        return new MonitoringService(null, null, null, null, null, null, MonitoringService.DEFAULT_INTERVAL, settings);
    }

    @Test
    void theChosenIntervalSurvivesARestartAndTellsTheScheduler() throws Exception {
        Path file = dir.resolve("settings.properties");
        MonitoringService first = monitoring(new PropertiesSettingsStore(file));
        assertThat(first.sampleInterval()).isEqualTo(Duration.ofSeconds(15));
        List<Duration> told = new ArrayList<>();
        first.onSampleIntervalChange(told::add);

        first.changeSampleInterval(Duration.ofSeconds(30));

        assertThat(told).containsExactly(Duration.ofSeconds(30));
        assertThat(monitoring(new PropertiesSettingsStore(file)).sampleInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).as("no temporary file left")
                .containsExactly("settings.properties");
    }

    @Test
    void anIntervalOutOfRangeIsRefusedAndNothingIsStored() throws Exception {
        Path file = dir.resolve("settings.properties");
        MonitoringService m = monitoring(new PropertiesSettingsStore(file));

        assertThatThrownBy(() -> m.changeSampleInterval(Duration.ofSeconds(1)))
                .isInstanceOf(InputRejectedException.class).hasMessage("Sampling interval: between 5 s and 1 h (got 1 s).");
        assertThatThrownBy(() -> m.changeSampleInterval(Duration.ofHours(2))).isInstanceOf(InputRejectedException.class);
        assertThat(m.sampleInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(file).doesNotExist();

        Files.writeString(file, MonitoringService.INTERVAL_KEY + "=abc\n");
        assertThat(monitoring(new PropertiesSettingsStore(file)).sampleInterval()).as("a hand-edited bad value is ignored")
                .isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void anUnreadableFileIsReportedWithItsPath() throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "key=\\u12");
        PropertiesSettingsStore settings = new PropertiesSettingsStore(file);

        assertThatThrownBy(() -> settings.get("key")).isInstanceOf(StoreException.class).hasMessageContaining(file.toString());
        assertThatThrownBy(() -> settings.put("other", "x".repeat(5000))).hasMessageContaining("at most 4096");
    }
}
