package dev.herald.bench.report;

import dev.herald.bench.results.E2eResults;
import dev.herald.bench.results.E2eResults.ContenderResult;
import dev.herald.bench.results.E2eResults.LatencyRun;
import dev.herald.bench.results.Summary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The PNG: throughput per contender (publish and delivered), latency per contender at the fixed rate
 * (p50, p99, p99.9, on a log scale), and the main targets as {@link Target#score()}: measured ÷ goal for a floor,
 * goal ÷ measured for a ceiling, so 1 is the goal and a longer bar is better either way.
 * Medians throughout; RESULTS.md has the ranges.
 */
final class Chart {

    private static final int WIDTH = 1600;
    private static final int PANEL_HEIGHT = 620;
    private static final int TARGETS_HEIGHT = 560;
    private static final int TITLE_HEIGHT = 50;
    private static final Color[] SERIES = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728)
    };

    private Chart() {
    }

    static void write(Path file, E2eResults e2e, List<Target> targets, String title) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, TITLE_HEIGHT + PANEL_HEIGHT + TARGETS_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            g.drawString(title, 20, 34);
            if (e2e != null) {
                throughput(e2e).draw(g, new Rectangle2D.Double(0, TITLE_HEIGHT, WIDTH / 2.0, PANEL_HEIGHT));
                latency(e2e).draw(g, new Rectangle2D.Double(WIDTH / 2.0, TITLE_HEIGHT, WIDTH / 2.0, PANEL_HEIGHT));
            }
            targets(targets).draw(g, new Rectangle2D.Double(0, TITLE_HEIGHT + PANEL_HEIGHT, WIDTH, TARGETS_HEIGHT));
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static JFreeChart throughput(E2eResults e2e) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ContenderResult c : e2e.contenders()) {
            data.addValue(Summary.of(c.publishRates()).median(), "publish (acknowledged)", c.name());
            data.addValue(Summary.of(c.deliveredRates()).median(), "delivered (decoded)", c.name());
        }
        if (e2e.redisBenchmark() != null && !e2e.redisBenchmark().rates().isEmpty()) {
            data.addValue(Summary.of(e2e.redisBenchmark().rates()).median(), "publish (acknowledged)", "redis-benchmark");
        }
        JFreeChart chart = ChartFactory.createBarChart("Throughput, msg/s (median of " + e2e.repetitions() + ")",
                null, "messages per second", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = style(chart);
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setUpperMargin(0.12);
        labels(plot, "#,##0");
        return chart;
    }

    private static JFreeChart latency(E2eResults e2e) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ContenderResult c : e2e.contenders()) {
            data.addValue(Summary.of(c.latency().stream().map(LatencyRun::p50Micros).toList()).median(), "p50", c.name());
            data.addValue(Summary.of(c.latency().stream().map(LatencyRun::p99Micros).toList()).median(), "p99", c.name());
            data.addValue(Summary.of(c.latency().stream().map(LatencyRun::p999Micros).toList()).median(), "p99.9", c.name());
        }
        JFreeChart chart = ChartFactory.createBarChart(String.format(Locale.ROOT,
                        "Latency at %,d msg/s, µs (log scale, median of %d)", e2e.rate(), e2e.repetitions()),
                null, "microseconds", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = style(chart);
        LogAxis axis = new LogAxis("microseconds");
        axis.setBase(10);
        axis.setSmallestValue(10);
        axis.setTickUnit(new NumberTickUnit(1)); // one tick per power of ten
        axis.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setUpperMargin(0.15);
        plot.setRangeAxis(axis);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBase(10);
        renderer.setIncludeBaseInRange(false);
        labels(plot, "#,##0");
        return chart;
    }

    private static JFreeChart targets(List<Target> targets) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Target target : targets) {
            if (target.measuredInThisRun()) {
                data.addValue(target.score(), "measured ÷ goal", target.name() + "  (" + target.goalText() + ")");
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Targets: measured ÷ goal (≥ 1 passes; goal ÷ measured for ceilings, an overhead % as 1 + overhead)",
                null, "share of the goal", data, PlotOrientation.HORIZONTAL, false, false, false);
        CategoryPlot plot = style(chart);
        plot.addRangeMarker(new ValueMarker(1.0, Color.BLACK, new BasicStroke(2f)));
        BarRenderer renderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                Number value = data.getValue(row, column);
                return value != null && value.doubleValue() >= 1 ? new Color(0x2ca02c) : new Color(0xd62728);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        plot.setRenderer(renderer);
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setUpperMargin(0.1);
        labels(plot, "0.00");
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.6f);
        return chart;
    }

    private static CategoryPlot style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(chart.getTitle().getText(), new Font(Font.SANS_SERIF, Font.BOLD, 16)));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcccccc));
        plot.setOutlineVisible(false);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        if (plot.getOrientation() == PlotOrientation.VERTICAL) {
            domain.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
            domain.setMaximumCategoryLabelLines(3);
        }
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < SERIES.length; i++) {
            renderer.setSeriesPaint(i, SERIES[i]);
        }
        return plot;
    }

    private static void labels(CategoryPlot plot, String pattern) {
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        boolean horizontal = plot.getOrientation() == PlotOrientation.HORIZONTAL;
        renderer.setDefaultPositiveItemLabelPosition(horizontal
                ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
                : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
    }
}
