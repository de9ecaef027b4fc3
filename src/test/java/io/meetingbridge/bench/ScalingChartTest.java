package io.meetingbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingChartTest {

    @TempDir
    Path dir;

    @Test
    void drawsAColumnPerDimensionAndLeavesAGapForAFailedRun() throws Exception {
        ScalingPlan plan = new ScalingPlan(List.of(ScalingDimension.PARTITIONS, ScalingDimension.API_LATENCY), 100);
        List<Comparison> runs = plan.workloads().stream().map(workload -> new Comparison(workload,
                workload.partitions() == 12
                        ? RunResult.failed(Contender.BRIDGE, "1 dead-lettered")
                        : run(Contender.BRIDGE, 300),
                run(Contender.CONCURRENT_BASELINE, 250), null)).toList();
        Path png = dir.resolve(ScalingChart.FILE_NAME);

        ScalingChart.write(png, new ScalingResults(plan, runs), "a caption");

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(2 * 300);
        assertThat(image.getHeight()).isGreaterThan(2 * 240);
    }

    @Test
    void gridStepsAreRound() {
        assertThat(LinePanel.niceStep(56.25)).isEqualTo(100);
        assertThat(LinePanel.niceStep(4.1)).isEqualTo(5);
        assertThat(LinePanel.niceStep(0.22)).isEqualTo(0.25);
    }

    private static RunResult run(Contender contender, double rate) {
        return RunResult.measured(contender, new Figures(100, 800, rate, rate * 8, 0, null, null, 3.0, 6.0, 1.0,
                90, 200L << 20, 3_000, null, 32, 0));
    }
}
