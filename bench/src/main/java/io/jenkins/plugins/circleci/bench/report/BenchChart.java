package io.jenkins.plugins.circleci.bench.report;

import io.jenkins.plugins.circleci.bench.harness.PollingFigures;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Writes {@code docs/benchmarks.png}: median and p99 detection latency and requests per wait against pipeline length,
 * one bar per contender. Drawn headless.
 */
public final class BenchChart {

    private static final int PANEL_WIDTH = 620;
    private static final int HEIGHT = 460;
    /** Baseline grey; ours without history blue; with accurate history green; 30 % long orange; 30 % short purple. */
    private static final Color[] COLORS = {new Color(0x9e9e9e), new Color(0x1565c0), new Color(0x2e7d32),
        new Color(0xef6c00), new Color(0x6a1b9a)};

    private BenchChart() {}

    public static void write(BenchReport report, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        JFreeChart[] charts = {
            chart(report, "Median detection latency, polling (lower is better)", "seconds (simulated time)",
                    p -> p.latencies().p50().toMillis() / 1000.0),
            chart(report, "p99 detection latency, polling (lower is better)", "seconds (simulated time)",
                    p -> p.latencies().p99().toMillis() / 1000.0),
            chart(report, "API requests per waited pipeline (lower is better)", "requests",
                    PollingFigures::requestsPerPipeline),
        };
        BufferedImage image = new BufferedImage(PANEL_WIDTH * charts.length, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (int i = 0; i < charts.length; i++) {
                charts[i].draw(g, new Rectangle(i * PANEL_WIDTH, 0, PANEL_WIDTH, HEIGHT));
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static JFreeChart chart(BenchReport report, String title, String axis,
                                    ToDoubleFunction<PollingFigures> value) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String contender : report.pollingContenders()) {
            for (Duration length : report.lengths()) {
                report.polling(contender, length).ifPresent(p ->
                        data.addValue(value.applyAsDouble(p), contender, Formats.length(length)));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "pipeline length", axis, data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.#")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
        }
        return chart;
    }
}
