package io.meetingbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which workloads a benchmark runs, and the in-flight bound it judges by. */
class BenchSettingsTest {

    private static final ScalingPlan SCALING = new ScalingPlan(List.of(ScalingDimension.PARTITIONS), 100);

    @Test
    void noWorkloadAndNoScalingTableIsNothingToMeasure() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings(Set.of("none"), null, Map.of()).workloads())
                .withMessageStartingWith("Nothing to measure");
    }

    @Test
    void theScalingTableAloneIsSomethingToMeasure() {
        assertThat(settings(Set.of("none"), SCALING, Map.of()).workloads()).isEmpty();
    }

    @Test
    void aNameOfNoWorkloadIsRefusedRatherThanSelectingNone() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(Set.of("0ms-50conf"), SCALING, Map.of()).workloads())
                .withMessageContaining("[0ms-50conf]");
    }

    @Test
    void namedWorkloadsAreTheOnlyOnesRun() {
        assertThat(settings(Set.of("0ms-500conf"), null, Map.of()).workloads()).extracting(Workload::name)
                .containsExactly("0ms-500conf");
        assertThat(settings(Set.of(), null, Map.of()).workloads()).hasSize(4);
    }

    @Test
    void theInFlightBoundIsTheConfiguredOneWithItsOverride() {
        assertThat(settings(Set.of(), null, Map.of()).maxInFlight()).isEqualTo(32);
        assertThat(settings(Set.of(), null, Map.of("bridge.api.max-in-flight", "16")).maxInFlight()).isEqualTo(16);
    }

    private static BenchSettings settings(Set<String> workloads, ScalingPlan scaling, Map<String, String> overrides) {
        return new BenchSettings(100, 100, Duration.ofMillis(50), 100, 10, 10, Duration.ofSeconds(1),
                Duration.ofSeconds(10), null, false, workloads, overrides, true, scaling, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Path.of("bridge.jar"), Path.of("bench"));
    }
}
