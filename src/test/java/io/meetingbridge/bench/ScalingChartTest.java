package io.meetingbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingChartTest {

    @TempDir
    Path dir;

    @Test
    void drawsAColumnPerDimensionAndLeavesAGapForAFailedRun() throws Exception {
        ScalingPlan plan = new ScalingPlan(List.of(ScalingDimension.PARTITIONS, ScalingDimension.API_LATENCY), 100);

        BufferedImage complete = chart(plan, workload -> false);
        BufferedImage gap = chart(plan, workload -> workload.partitions() == 12);

        // two columns of 300 px panels with 30 px around them; a 60 px header above two rows of panels
        assertThat(gap.getWidth()).isEqualTo(30 + 2 * (300 + 30));
        assertThat(gap.getHeight()).isEqualTo(60 + 2 * (240 + 30));
        for (int column = 0; column < 2; column++) {
            assertThat(pixels(complete, column, ScalingChart.BRIDGE)).as("bridge line in column %d", column).isPositive();
            assertThat(pixels(complete, column, ScalingChart.BASELINE)).as("baseline in column %d", column).isPositive();
        }
        assertThat(pixels(gap, 0, ScalingChart.BRIDGE)).as("the partitions column misses the failed point")
                .isLessThan(pixels(complete, 0, ScalingChart.BRIDGE));
        assertThat(pixels(gap, 0, ScalingChart.BASELINE)).isEqualTo(pixels(complete, 0, ScalingChart.BASELINE));
        assertThat(pixels(gap, 1, ScalingChart.BRIDGE)).as("the latency column ran no 12-partition workload")
                .isEqualTo(pixels(complete, 1, ScalingChart.BRIDGE));
    }

    private BufferedImage chart(ScalingPlan plan, Predicate<Workload> bridgeFails) throws Exception {
        List<Comparison> runs = plan.workloads().stream().map(workload -> new Comparison(workload,
                bridgeFails.test(workload)
                        ? RunResult.failed(Contender.BRIDGE, "1 dead-lettered")
                        : run(Contender.BRIDGE, 300),
                run(Contender.CONCURRENT_BASELINE, 250), null)).toList();
        Path png = Files.createTempFile(dir, "scaling", ".png");
        ScalingChart.write(png, new ScalingResults(plan, runs), "a caption");
        return ImageIO.read(png.toFile());
    }

    /** Pixels of exactly this colour in one column of panels. */
    private static long pixels(BufferedImage image, int column, Color color) {
        int left = 30 + column * (300 + 30);
        long count = 0;
        for (int x = left; x < left + 300; x++) {
            for (int y = 60; y < image.getHeight(); y++) {
                if (image.getRGB(x, y) == color.getRGB()) { // both opaque
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void gridStepsAreRound() {
        assertThat(LinePanel.niceStep(56.25)).isEqualTo(100);
        assertThat(LinePanel.niceStep(4.1)).isEqualTo(5);
        assertThat(LinePanel.niceStep(0.22)).isEqualTo(0.25);
    }

    private static RunResult<Figures> run(Contender contender, double rate) {
        return RunResult.measured(contender, new Figures(100, 800, rate, rate * 8, 0, null, null, 3.0, 6.0, 1.0,
                90, 200L << 20, 3_000, null, 32, 0));
    }
}
