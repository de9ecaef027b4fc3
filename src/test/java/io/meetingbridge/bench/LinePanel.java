package io.meetingbridge.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * One panel of a chart: a title, a y axis from 0 with a few round grid lines, categorical x values evenly
 * spaced, and one line per series. A null value (a failed run) leaves a gap.
 */
final class LinePanel {

    /** About this many grid lines above the axis. */
    private static final int GRID_LINES = 4;
    private static final int AXIS_SPACE = 48;
    private static final int LABEL_SPACE = 34;
    private static final int TITLE_SPACE = 22;
    private static final int DOT = 7;

    /** A line of the panel. */
    record Series(Color color, List<Double> values) {
    }

    private LinePanel() {
    }

    static void draw(Graphics2D g, int x, int y, int width, int height, String title, String xLabel,
                     List<Integer> xValues, List<Series> series) {
        FontMetrics font = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.drawString(title, x + (width - font.stringWidth(title)) / 2, y + font.getAscent());
        int left = x + AXIS_SPACE;
        int top = y + TITLE_SPACE;
        int plotWidth = width - AXIS_SPACE;
        int plotHeight = height - TITLE_SPACE - LABEL_SPACE;
        double highest = series.stream().flatMap(s -> s.values().stream())
                .filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1);
        double step = niceStep(highest / GRID_LINES);
        int gridLines = Math.max(1, (int) Math.ceil(highest / step));
        double max = step * gridLines;

        for (int i = 0; i <= gridLines; i++) {
            int gridY = top + plotHeight - (int) Math.round(plotHeight * (double) i / gridLines);
            g.setColor(i == 0 ? Color.BLACK : new Color(0xDDDDDD));
            g.drawLine(left, gridY, left + plotWidth, gridY);
            g.setColor(Color.DARK_GRAY);
            String label = new BigDecimal(step * i).round(new MathContext(4)).stripTrailingZeros().toPlainString();
            g.drawString(label, left - 6 - font.stringWidth(label), gridY + font.getAscent() / 2);
        }
        g.setColor(Color.BLACK);
        g.drawLine(left, top, left, top + plotHeight);
        for (int i = 0; i < xValues.size(); i++) {
            String label = xValues.get(i).toString();
            g.drawString(label, xAt(left, plotWidth, i, xValues.size()) - font.stringWidth(label) / 2,
                    top + plotHeight + font.getHeight());
        }
        g.drawString(xLabel, left + (plotWidth - font.stringWidth(xLabel)) / 2, top + plotHeight + 2 * font.getHeight());

        g.setStroke(new BasicStroke(2f));
        for (Series line : series) {
            g.setColor(line.color());
            int previousX = -1;
            int previousY = -1;
            for (int i = 0; i < line.values().size(); i++) {
                Double value = line.values().get(i);
                if (value == null) {
                    previousX = -1;
                    continue;
                }
                int pointX = xAt(left, plotWidth, i, xValues.size());
                int pointY = top + plotHeight - (int) Math.round(plotHeight * value / max);
                g.fillOval(pointX - DOT / 2, pointY - DOT / 2, DOT, DOT);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, pointX, pointY);
                }
                previousX = pointX;
                previousY = pointY;
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static int xAt(int left, int plotWidth, int index, int count) {
        return left + (int) Math.round(plotWidth * (index + 0.5) / count);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code value}: a grid step. */
    static double niceStep(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
