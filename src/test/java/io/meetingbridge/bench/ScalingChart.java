package io.meetingbridge.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * The scaling table as a PNG: per dimension a column, throughput above and CPU per change below, the
 * bridge against the concurrent baseline. Drawn with java.awt, headless.
 */
final class ScalingChart {

    static final String FILE_NAME = "scaling.png";
    static final Color BRIDGE = new Color(0x1F77B4);
    static final Color BASELINE = new Color(0xFF7F0E);
    private static final int PANEL_WIDTH = 300;
    private static final int PANEL_HEIGHT = 240;
    private static final int GAP = 30;
    private static final int HEADER = 60;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ScalingChart() {
    }

    static void write(Path file, ScalingResults scaling, String caption) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<ScalingDimension> dimensions = scaling.plan().dimensions();
        int width = Math.max(GAP + dimensions.size() * (PANEL_WIDTH + GAP), 2 * GAP + textWidth(caption));
        int height = HEADER + 2 * (PANEL_HEIGHT + GAP);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(FONT);
            header(g, caption);
            for (int i = 0; i < dimensions.size(); i++) {
                ScalingDimension dimension = dimensions.get(i);
                int x = GAP + i * (PANEL_WIDTH + GAP);
                LinePanel.draw(g, x, HEADER, PANEL_WIDTH, PANEL_HEIGHT, "changes/s", dimension.label(),
                        dimension.points(), lines(scaling, dimension, Figures::changesPerSecond));
                LinePanel.draw(g, x, HEADER + PANEL_HEIGHT + GAP, PANEL_WIDTH, PANEL_HEIGHT,
                        "CPU ms per change (steady)", dimension.label(), dimension.points(),
                        lines(scaling, dimension, Figures::cpuSecondsPer1000Changes));
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    /** The caption's width in pixels, measured on a scratch image before the chart's size is known. */
    private static int textWidth(String text) {
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return scratch.getFontMetrics(FONT).stringWidth(text);
        } finally {
            scratch.dispose();
        }
    }

    private static void header(Graphics2D g, String caption) {
        g.setColor(Color.BLACK);
        g.drawString(caption, GAP, 20);
        legend(g, GAP, 42, BRIDGE, "bridge");
        legend(g, GAP + 100, 42, BASELINE, "concurrent baseline (plain Java, key-ordered lanes)");
    }

    private static void legend(Graphics2D g, int x, int y, Color color, String label) {
        g.setColor(color);
        g.fillRect(x, y - 9, 18, 10);
        g.setColor(Color.BLACK);
        g.drawString(label, x + 24, y);
    }

    private static List<LinePanel.Series> lines(ScalingResults scaling, ScalingDimension dimension,
                                                Function<Figures, Double> figure) {
        return List.of(
                new LinePanel.Series(BRIDGE, dimension.points().stream()
                        .map(value -> value(scaling.at(dimension, value).bridge(), figure)).toList()),
                new LinePanel.Series(BASELINE, dimension.points().stream()
                        .map(value -> value(scaling.at(dimension, value).concurrent(), figure)).toList()));
    }

    private static Double value(RunResult<Figures> run, Function<Figures, Double> figure) {
        return run.succeeded() ? figure.apply(run.figures()) : null;
    }
}
