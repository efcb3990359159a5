package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.streamdesk.service.events.Synthetic.merge;
import static io.streamdesk.service.events.Synthetic.series;
import static org.assertj.core.api.Assertions.assertThat;

/** EV2 metric rules on synthetic series: every threshold just below and just above. */
class MetricRulesTest {
    private static final Duration FIVE_MIN = Duration.ofMinutes(5);

    // ---- full GC: more than 30% of the window (90 s of 5 min) ----

    @Test
    void fullGcJustBelowThirtyPercentIsQuiet() {
        var gc = series("tm-1", 1_000, 30_000, 60_000, 90_999); // grew 89.999 s
        assertThat(FullGcRule.taskManagers().evaluate(gc, FIVE_MIN)).isEmpty();
    }

    @Test
    void fullGcAtExactlyThirtyPercentIsQuiet() {
        var gc = series("tm-1", 0, 90_000);
        assertThat(FullGcRule.taskManagers().evaluate(gc, FIVE_MIN)).isEmpty();
    }

    @Test
    void fullGcJustAboveThirtyPercentFiresAndNamesTheTaskManager() {
        var gc = merge(series("tm-1", 0, 45_000, 90_001), series("tm-2", 0, 10, 20));
        var finding = FullGcRule.taskManagers().evaluate(gc, FIVE_MIN).orElseThrow();
        assertThat(finding.kind()).isEqualTo(EventKind.TM_FULL_GC_TOO_LONG);
        assertThat(finding.evidence()).contains("tm-1").doesNotContain("tm-2");
        assertThat(finding.fix()).isNotBlank();
    }

    @Test
    void fullGcCountsGrowthAcrossAProcessRestart() {
        // 60 s, restart (counter back to 0), then 31 s more: 91 s in all
        var gc = series("jobmanager", 0, 60_000, 0, 31_000);
        assertThat(FullGcRule.jobManager().evaluate(gc, FIVE_MIN)).get()
                .extracting(Finding::kind).isEqualTo(EventKind.JM_FULL_GC_TOO_LONG);
        assertThat(FullGcRule.jobManager().evaluate(series("jobmanager", 0, 60_000, 0, 29_000), FIVE_MIN)).isEmpty();
    }

    // ---- TM CPU: > 90% for 5 consecutive samples on > 80% of TMs ----

    @Test
    void taskManagerCpuNeedsFiveConsecutiveSamplesAboveNinety() {
        var rule = new TaskManagerCpuRule();
        assertThat(rule.evaluate(series("tm-1", 0.95, 0.95, 0.95, 0.95, 0.5, 0.95))).isEmpty();
        assertThat(rule.evaluate(series("tm-1", 0.95, 0.95, 0.95, 0.95, 0.95))).isPresent();
    }

    @Test
    void taskManagerCpuJustBelowAndAboveNinetyPercent() {
        var rule = new TaskManagerCpuRule();
        assertThat(rule.evaluate(series("tm-1", 0.90, 0.90, 0.90, 0.90, 0.90))).isEmpty();
        assertThat(rule.evaluate(series("tm-1", 0.901, 0.901, 0.901, 0.901, 0.901))).get()
                .extracting(Finding::kind).isEqualTo(EventKind.TM_CPU_TOO_HIGH);
    }

    @Test
    void taskManagerCpuNeedsMoreThanEightyPercentOfTheTaskManagers() {
        var rule = new TaskManagerCpuRule();
        assertThat(rule.evaluate(tms(4, 5))).as("4 of 5 = 80%").isEmpty();
        assertThat(rule.evaluate(tms(5, 5))).as("5 of 5").isPresent();
        assertThat(rule.evaluate(tms(8, 10))).as("8 of 10 = 80%").isEmpty();
        assertThat(rule.evaluate(tms(9, 10))).as("9 of 10 = 90%").get()
                .satisfies(f -> assertThat(f.cause()).startsWith("9 of 10"));
    }

    private static List<io.streamdesk.service.port.SeriesReader.Point> tms(int hot, int total) {
        List<io.streamdesk.service.port.SeriesReader.Point> all = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            double v = i < hot ? 0.97 : 0.3;
            all.addAll(series("tm-" + i, v, v, v, v, v));
        }
        return all;
    }

    // ---- JM CPU: > 80% for 5 consecutive samples ----

    @Test
    void jobManagerCpuJustBelowAndAboveEightyPercent() {
        var rule = new JobManagerCpuRule();
        assertThat(rule.evaluate(series("jobmanager", 0.80, 0.80, 0.80, 0.80, 0.80))).isEmpty();
        assertThat(rule.evaluate(series("jobmanager", 0.81, 0.81, 0.81, 0.81, 0.81))).get()
                .extracting(Finding::kind).isEqualTo(EventKind.JM_CPU_TOO_HIGH);
    }

    @Test
    void jobManagerCpuFourConsecutiveSamplesAreNotEnough() {
        var rule = new JobManagerCpuRule();
        assertThat(rule.evaluate(series("jobmanager", 0.9, 0.9, 0.9, 0.9, 0.1, 0.9, 0.9, 0.9, 0.9))).isEmpty();
    }

    // ---- backpressure: > 50% high, > 80% too high; root cause downstream ----

    private static BackpressureRule.VertexLoad v(String name, double bp, double busy) {
        return new BackpressureRule.VertexLoad(name + "-id", name, bp, busy);
    }

    @Test
    void backpressureAtFiftyPercentIsQuietAboveIsHigh() {
        var rule = new BackpressureRule();
        assertThat(rule.evaluate(List.of(v("source", 0.50, 0.2), v("sink", 0.0, 0.9)))).isEmpty();
        var high = rule.evaluate(List.of(v("source", 0.51, 0.2), v("sink", 0.0, 0.9))).orElseThrow();
        assertThat(high.kind()).isEqualTo(EventKind.BACKPRESSURE_HIGH);
        assertThat(high.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void backpressureAtEightyPercentIsHighAboveIsTooHigh() {
        var rule = new BackpressureRule();
        assertThat(rule.evaluate(List.of(v("source", 0.80, 0.2), v("sink", 0.0, 0.9)))).get()
                .extracting(Finding::kind).isEqualTo(EventKind.BACKPRESSURE_HIGH);
        assertThat(rule.evaluate(List.of(v("source", 0.81, 0.2), v("sink", 0.0, 0.9)))).get()
                .extracting(Finding::kind).isEqualTo(EventKind.BACKPRESSURE_TOO_HIGH);
    }

    @Test
    void rootCauseIsTheFirstDownstreamOperatorNotBackpressuredButBusy() {
        var rule = new BackpressureRule();
        var f = rule.evaluate(List.of(
                v("source", 0.9, 0.1),
                v("parse", 0.7, 0.3),        // backpressured itself: not the root
                v("filter", 0.2, 0.4),       // free but idle: not the root
                v("join", 0.1, 0.95),        // free and busy: the root
                v("sink", 0.0, 0.99))).orElseThrow();
        assertThat(f.cause()).contains("'source'").contains("root cause: 'join'");
        assertThat(f.fix()).contains("'join'");
    }

    @Test
    void rootCauseThresholdsAreStrict() {
        assertThat(BackpressureRule.rootCause(List.of(v("a", 0.9, 0), v("b", 0.50, 0.9)), 0)).isEmpty();
        assertThat(BackpressureRule.rootCause(List.of(v("a", 0.9, 0), v("b", 0.49, 0.9)), 0)).get()
                .extracting(BackpressureRule.VertexLoad::name).isEqualTo("b");
        assertThat(BackpressureRule.rootCause(List.of(v("a", 0.9, 0), v("b", 0.1, 0.50)), 0)).isEmpty();
        assertThat(BackpressureRule.rootCause(List.of(v("a", 0.9, 0), v("b", 0.1, 0.51)), 0)).isPresent();
    }

    @Test
    void noBusyOperatorDownstreamPointsAtTheSink() {
        var f = new BackpressureRule().evaluate(List.of(v("source", 0.95, 0.1), v("sink", 0.1, 0.2))).orElseThrow();
        assertThat(f.cause()).contains("no busy operator downstream");
    }
}
