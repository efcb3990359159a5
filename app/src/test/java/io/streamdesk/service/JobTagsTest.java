package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobTagsTest {
    final FakeServices services = new FakeServices();
    final Job job = services.jobs().createSqlJob("orders", "/");

    @Test
    void tagsAreStoredTrimmedAndSortedAndReplacedAsAWhole() {
        services.jobs().setTags(job.id(), Map.of(" team ", " payments ", "tier", "gold"));
        assertThat(services.jobs().tags(job.id())).containsExactly(Map.entry("team", "payments"), Map.entry("tier", "gold"));
        services.jobs().setTags(job.id(), Map.of("owner", "ana"));
        assertThat(services.jobs().tags(job.id())).containsExactly(Map.entry("owner", "ana"));
    }

    @Test
    void badKeysValuesAndTooManyTagsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> services.jobs().setTags(job.id(), Map.of("has space", "x")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("has space");
        assertThatThrownBy(() -> services.jobs().setTags(job.id(), Map.of("k", "")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("value of \u201ck\u201d");
        assertThatThrownBy(() -> services.jobs().setTags(job.id(), Map.of("k", "a\nb")))
                .isInstanceOf(InputRejectedException.class);
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= JobService.MAX_TAGS; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> services.jobs().setTags(job.id(), many))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("at most " + JobService.MAX_TAGS);
        assertThat(services.jobs().tags(job.id())).isEmpty();
    }
}
