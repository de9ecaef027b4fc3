package io.meetingbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingPlanTest {

    @Test
    void variesOneDimensionAtATimeAndRunsTheBasePointOnce() {
        ScalingPlan plan = new ScalingPlan(List.of(ScalingDimension.values()), 100);

        List<Workload> workloads = plan.workloads();

        // 3 + 3 + 2 + 3 points, the base point on each of the four lines
        assertThat(workloads).hasSize(8);
        assertThat(workloads.get(0).name()).isEqualTo("1p-500conf-8occ-0ms");
        assertThat(workloads).extracting(Workload::name).doesNotHaveDuplicates();
        assertThat(workloads).allMatch(w -> w.changes() == 100 && !w.live() && w.sequentialChanges() == 0);
    }

    @Test
    void aPointHasEveryOtherDimensionAtItsBase() {
        Workload point = new ScalingPlan(List.of(ScalingDimension.API_LATENCY), 100)
                .point(ScalingDimension.API_LATENCY, 200);

        assertThat(point.putLatency()).isEqualTo(Duration.ofMillis(200));
        assertThat(point.partitions()).isEqualTo(1);
        assertThat(point.conferences()).isEqualTo(500);
        assertThat(point.occurrencesPerChange()).isEqualTo(8);
    }

    @Test
    void onlyTheChosenDimensions() {
        ScalingPlan plan = new ScalingPlan(List.of(ScalingDimension.PARTITIONS), 100);

        assertThat(plan.workloads()).extracting(Workload::partitions).containsExactly(1, 4, 12);
    }
}
