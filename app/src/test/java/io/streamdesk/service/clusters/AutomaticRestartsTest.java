package io.streamdesk.service.clusters;

import io.streamdesk.service.clusters.AutomaticRestarts.Decision;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AutomaticRestartsTest {
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void waitsALongerBackOffBeforeEachRestartAndGivesUpAfterThreeInTenMinutes() {
        AutomaticRestarts restarts = new AutomaticRestarts();
        assertThat(restarts.decide(T0, T0)).isEqualTo(Decision.WAIT);
        assertThat(restarts.decide(T0, T0.plusSeconds(1))).isEqualTo(Decision.RESTART_NOW);
        restarts.restarted(T0.plusSeconds(1));

        Instant second = T0.plusSeconds(60);
        assertThat(restarts.decide(second, second.plusSeconds(9))).isEqualTo(Decision.WAIT);
        assertThat(restarts.decide(second, second.plusSeconds(10))).isEqualTo(Decision.RESTART_NOW);
        restarts.restarted(second.plusSeconds(10));

        Instant third = T0.plusSeconds(120);
        assertThat(restarts.decide(third, third.plusSeconds(29))).isEqualTo(Decision.WAIT);
        assertThat(restarts.decide(third, third.plusSeconds(30))).isEqualTo(Decision.RESTART_NOW);
        restarts.restarted(third.plusSeconds(30));
        assertThat(restarts.recentRestarts(third.plusSeconds(30))).isEqualTo(3);

        Instant fourth = T0.plusSeconds(300);
        assertThat(restarts.decide(fourth, fourth.plusSeconds(60))).isEqualTo(Decision.GIVE_UP);
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCount() {
        AutomaticRestarts restarts = new AutomaticRestarts();
        for (int i = 0; i < 3; i++) {
            restarts.restarted(T0.plusSeconds(i));
        }
        Instant later = T0.plus(AutomaticRestarts.WINDOW).plusSeconds(3);
        assertThat(restarts.recentRestarts(later)).isZero();
        assertThat(restarts.decide(later, later.plus(Duration.ofSeconds(1)))).isEqualTo(Decision.RESTART_NOW);
    }

    @Test
    void aRestartByHandStartsTheBudgetOver() {
        AutomaticRestarts restarts = new AutomaticRestarts();
        for (int i = 0; i < 3; i++) {
            restarts.restarted(T0.plusSeconds(i));
        }
        assertThat(restarts.decide(T0, T0.plusSeconds(100))).isEqualTo(Decision.GIVE_UP);
        restarts.reset();
        assertThat(restarts.decide(T0, T0.plusSeconds(100))).isEqualTo(Decision.RESTART_NOW);
    }
}
