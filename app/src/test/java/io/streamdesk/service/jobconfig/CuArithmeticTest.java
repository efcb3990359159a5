package io.streamdesk.service.jobconfig;

import io.streamdesk.model.JobResources;
import io.streamdesk.service.port.ClusterStatusReader.TaskManagerResources;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CuArithmeticTest {
    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void cusAreJobManagerPlusTaskManagerTimesTheLargestOperatorParallelism() {
        JobResources r = new JobResources(0.5, 2, 3);
        assertThat(r.cusFor(4)).isEqualTo(8.5);
        assertThat(r.cus()).isEqualTo(6.5); // the default parallelism when no operator overrides it
        assertThat(new JobResources(0.25, 0.25, 1).cusFor(7)).isEqualTo(2.0);
    }

    @Test
    void largestParallelismThatFits() {
        JobResources r = new JobResources(1, 0.5, 8);
        assertThat(r.largestParallelismWithin(4.0)).isEqualTo(6);   // 1 + 0.5 x 6 = 4
        assertThat(r.largestParallelismWithin(3.75)).isEqualTo(5);
        assertThat(r.largestParallelismWithin(1.25)).isZero();      // not even parallelism 1
        assertThat(r.cusFor(r.largestParallelismWithin(10))).isLessThanOrEqualTo(10);
        assertThat(r.cusFor(r.largestParallelismWithin(10) + 1)).isGreaterThan(10);
    }

    @Test
    void fitRefusesWithTheLargestParallelismThatFits() {
        CuFit fit = CuFit.of(new JobResources(1, 1, 6), 6, 4.0, 5.0);
        assertThat(fit.neededCu()).isEqualTo(7);
        assertThat(fit.fits()).isFalse();
        assertThat(fit.largestFittingParallelism()).isEqualTo(3);
        assertThat(fit.describe()).contains("needs 7 CUs", "4 of 5 CUs are idle", "largest parallelism that fits is 3");
        assertThat(CuFit.of(new JobResources(1, 1, 3), 3, 4.0, 5.0).fits()).isTrue();
    }

    @Test
    void aClusterDeclaresSlotsPlusOneWhateverTheMemory() {
        assertThat(ClusterCapacity.declaredCu(new TaskManagerResources(1, 4, 4, 2, 23 * GIB))).isEqualTo(5.0);
        assertThat(ClusterCapacity.declaredCu(new TaskManagerResources(1, 4, 4, 2, 1 * GIB))).isEqualTo(5.0);
        assertThat(ClusterCapacity.declaredCu(new TaskManagerResources(1, 4, 4, -1, -1))).isEqualTo(5.0);
        assertThat(ClusterCapacity.basis(new TaskManagerResources(1, 4, 3, 2, GIB)))
                .contains("4 slots (3 free) on 1 TaskManager with 1.0 GiB", "as Flink reports them");
        ClusterCapacity c = new ClusterCapacity("local", 5, 3.5, 4, 2, "test");
        assertThat(c.idleCu()).isEqualTo(1.5);
        assertThat(new ClusterCapacity("local", 2, 3, 4, 0, "over-committed").idleCu()).isZero();
    }

    @Test
    void theFreeSlotsDecideAndTheRefusalNamesTheLargestParallelismThatFits() {
        CuFit tooWide = CuFit.bySlots(new JobResources(0.25, 0.25, 8), 8, 4, 10, 10);
        assertThat(tooWide.fits()).as("CUs would fit, the slots do not").isFalse();
        assertThat(tooWide.largestFittingParallelism()).isEqualTo(4);
        assertThat(tooWide.describe()).contains("needs 8 slots", "only 4 free", "largest parallelism that fits is 4");
        assertThat(CuFit.bySlots(new JobResources(2, 2, 4), 4, 4, 1, 5).fits()).as("CUs are not applied per job").isTrue();
        assertThat(CuFit.bySlots(new JobResources(1, 1, 1), 1, 0, 5, 5).describe()).contains("no slot is free");
    }

    @Test
    void cusFormatLikeTheUiWritesThem() {
        assertThat(JobResources.format(0.25)).isEqualTo("0.25");
        assertThat(JobResources.format(2.5)).isEqualTo("2.5");
        assertThat(JobResources.format(3)).isEqualTo("3");
    }
}
