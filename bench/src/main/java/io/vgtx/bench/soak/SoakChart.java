package io.vgtx.bench.soak;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The soak's samples as a PNG: one panel per measure (heap after GC, heap committed, RSS, open file descriptors, threads) over the run's
 * minutes, the warm-up shaded, each axis from zero so that growth looks as large as it is. Plain Java2D, headless.
 */
public final class SoakChart {
    private static final int WIDTH = 1000;
    private static final int PANEL = 200;
    private static final int TITLE = 40;
    private static final int LEFT = 80;
    private static final int RIGHT = 40;
    private static final int GAP = 40;

    private SoakChart() {}

    public static void write(List<SoakSamples.Sample> samples, double warmUpSeconds, String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Panel> panels = List.of(
                new Panel("heap after GC (MB)", SoakSamples.Sample::heapMb),
                new Panel("heap committed (MB), not judged", SoakSamples.Sample::heapCommittedMb),
                new Panel("RSS (MB)", SoakSamples.Sample::rssMb),
                new Panel("open file descriptors", s -> s.fds()),
                new Panel("threads", s -> s.threads()));
        int height = TITLE + panels.size() * (PANEL + GAP) + 10;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, LEFT, 26);
            double end = samples.isEmpty() ? 1 : Math.max(1, samples.getLast().seconds());
            for (int i = 0; i < panels.size(); i++) panels.get(i).draw(g, samples, warmUpSeconds, end, TITLE + i * (PANEL + GAP) + GAP / 2);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private record Panel(String label, ToDoubleFunction<SoakSamples.Sample> value) {
        void draw(Graphics2D g, List<SoakSamples.Sample> samples, double warmUp, double end, int top) {
            int plotWidth = WIDTH - LEFT - RIGHT;
            double[] ys = SoakSamples.column(samples, value);
            double yMax = niceCeiling(SoakSamples.max(ys));
            g.setColor(new Color(0xEE, 0xEE, 0xEE));
            g.fillRect(LEFT, top, (int) (plotWidth * Math.min(1, warmUp / end)), PANEL);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int tick = 0; tick <= 4; tick++) {
                int y = top + PANEL - tick * PANEL / 4;
                g.setColor(new Color(0xDD, 0xDD, 0xDD));
                g.drawLine(LEFT, y, LEFT + plotWidth, y);
                g.setColor(Color.DARK_GRAY);
                g.drawString(format(yMax * tick / 4), 8, y + 4);
            }
            int minutes = (int) Math.ceil(end / 60);
            int step = Math.max(1, minutes / 10);
            for (int minute = 0; minute <= minutes; minute += step) {
                int x = LEFT + (int) (plotWidth * Math.min(1, minute * 60 / end));
                g.drawString(minute + " min", x - 10, top + PANEL + 15);
            }
            g.setColor(Color.BLACK);
            g.drawRect(LEFT, top, plotWidth, PANEL);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(label, LEFT + 6, top + 16);
            g.setColor(new Color(0x1F, 0x5F, 0xBF));
            g.setStroke(new BasicStroke(2f));
            for (int i = 1; i < samples.size(); i++) {
                g.drawLine(x(samples.get(i - 1).seconds(), end, plotWidth), y(ys[i - 1], yMax, top),
                        x(samples.get(i).seconds(), end, plotWidth), y(ys[i], yMax, top));
            }
            g.setStroke(new BasicStroke(1f));
        }

        private static int x(double seconds, double end, int plotWidth) {
            return LEFT + (int) Math.round(plotWidth * seconds / end);
        }

        private static int y(double value, double yMax, int top) {
            return top + PANEL - (int) Math.round(PANEL * value / yMax);
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}: round axis labels. */
    static double niceCeiling(double value) {
        if (value <= 0) return 1;
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * power >= value) return m * power;
        return 10 * power;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
