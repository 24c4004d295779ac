package io.jenkins.plugins.circleci.bench.report;

import io.jenkins.plugins.circleci.bench.harness.ScheduleFigures;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes {@code docs/polling-schedule.png}: when each contender's wait for one pipeline sent its requests, over the
 * whole pipeline and, below, zoomed on its end. Drawn headless from one run's simulated instants.
 */
public final class ScheduleChart {

    private static final int WIDTH = 1100;
    private static final int LABEL = 230;
    private static final int ROW = 44;
    private static final int PANEL_GAP = 70;
    private static final Color TICK = new Color(0x1565c0);
    private static final Color END = new Color(0xc62828);
    private static final Color GRID = new Color(0xdddddd);

    private ScheduleChart() {}

    public static void write(List<ScheduleFigures> schedules, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int panel = 50 + ROW * Math.max(1, schedules.size());
        int height = 60 + panel * 2 + PANEL_GAP + 30;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            Duration end = schedules.isEmpty() ? Duration.ofMinutes(1) : schedules.get(0).end();
            g.drawString("Requests of one wait for a pipeline that ends at " + clock(end)
                    + " (simulated time; each tick is a request)", 20, 28);
            Duration full = end.plusSeconds(30);
            panel(g, schedules, 50, Duration.ZERO, full, "whole pipeline");
            Duration from = end.minusSeconds(60).isNegative() ? Duration.ZERO : end.minusSeconds(60);
            panel(g, schedules, 50 + panel + PANEL_GAP, from, end.plusSeconds(20), "its last minute, zoomed");
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(END);
            g.drawString("red line: the pipeline's end; dot: the wait saw it", 20, height - 12);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, List<ScheduleFigures> schedules, int top, Duration from, Duration to,
                              String title) {
        int left = LABEL;
        int right = WIDTH - 30;
        int bottom = top + 20 + ROW * schedules.size();
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString(title, left, top + 10);
        double span = Math.max(1, to.toMillis() - from.toMillis());
        // Grid and axis labels.
        long stepMillis = niceStep((long) span);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (long t = (from.toMillis() + stepMillis - 1) / stepMillis * stepMillis; t <= to.toMillis();
             t += stepMillis) {
            int x = left + (int) ((t - from.toMillis()) / span * (right - left));
            g.setColor(GRID);
            g.drawLine(x, top + 18, x, bottom);
            g.setColor(Color.DARK_GRAY);
            g.drawString(clock(Duration.ofMillis(t)), x - 14, bottom + 15);
        }
        for (int i = 0; i < schedules.size(); i++) {
            ScheduleFigures s = schedules.get(i);
            int y = top + 20 + ROW * i;
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            long inView = s.requests().stream().filter(r -> r.compareTo(from) >= 0 && r.compareTo(to) <= 0).count();
            g.drawString(s.contender(), 20, y + ROW / 2);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Color.GRAY);
            g.drawString(s.requests().size() + " requests" + (inView < s.requests().size() ? ", " + inView
                    + " shown" : ""), 20, y + ROW / 2 + 14);
            g.setColor(TICK);
            g.setStroke(new BasicStroke(1.5f));
            for (Duration r : s.requests()) {
                if (r.compareTo(from) >= 0 && r.compareTo(to) <= 0) {
                    int x = left + (int) ((r.toMillis() - from.toMillis()) / span * (right - left));
                    g.drawLine(x, y + 8, x, y + ROW - 8);
                }
            }
            g.setColor(END);
            if (s.detected().compareTo(from) >= 0 && s.detected().compareTo(to) <= 0) {
                int x = left + (int) ((s.detected().toMillis() - from.toMillis()) / span * (right - left));
                g.fillOval(x - 4, y + ROW / 2 - 4, 8, 8);
            }
        }
        if (!schedules.isEmpty()) {
            Duration end = schedules.get(0).end();
            int x = left + (int) ((end.toMillis() - from.toMillis()) / span * (right - left));
            g.setColor(END);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(x, top + 18, x, bottom);
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.GRAY);
        g.drawLine(left, bottom, right, bottom);
    }

    private static long niceStep(long spanMillis) {
        for (long step : new long[] {5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000}) {
            if (spanMillis / step <= 12) {
                return step;
            }
        }
        return 3_600_000;
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
