package dev.herald.examples.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the samples of {@link MeterSampler} as a dashboard of four panels, one PNG: messages published and delivered
 * per second per channel; the handler duration's p99 per channel; messages waiting in the subscriptions' buffers;
 * handler failures, retries, dead letters and drops, counted since the start.
 */
final class DashboardChart {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;
    private static final int TITLE_HEIGHT = 40;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};

    private DashboardChart() {
    }

    /**
     * @param png where the image goes; its folder is made when missing
     * @param samples what the sampler read
     * @param title above the four panels
     * @throws IOException when the image cannot be written
     */
    static void write(Path png, List<MeterSampler.Sample> samples, String title) throws IOException {
        List<JFreeChart> panels = List.of(
                panel("Messages per second, by channel", "msg/s",
                        series(samples, MeterSampler.PUBLISHED), series(samples, MeterSampler.DELIVERED)),
                panel("Handler duration p99 (herald.handler.duration), by channel", "ms",
                        series(samples, MeterSampler.P99)),
                panel("Buffered messages (herald.messages.buffered)", "messages",
                        series(samples, MeterSampler.BUFFERED)),
                panel("Since the start: failures, retries, dead letters, drops", "messages",
                        series(samples, MeterSampler.FAILURES), series(samples, MeterSampler.RETRIES),
                        series(samples, MeterSampler.DEAD_LETTERS), series(samples, MeterSampler.DROPPED)));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString(title, 16, 27);
            int panelWidth = WIDTH / 2;
            int panelHeight = (HEIGHT - TITLE_HEIGHT) / 2;
            for (int i = 0; i < panels.size(); i++) {
                panels.get(i).draw(g, new Rectangle2D.Double((i % 2) * panelWidth, TITLE_HEIGHT + (i / 2) * panelHeight,
                        panelWidth, panelHeight));
            }
        } finally {
            g.dispose();
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(image, "png", png.toFile());
    }

    /** @return one series per sample value whose name starts with {@code prefix} */
    private static XYSeriesCollection series(List<MeterSampler.Sample> samples, String prefix) {
        XYSeriesCollection collection = new XYSeriesCollection();
        if (samples.isEmpty()) {
            return collection;
        }
        for (String name : samples.get(0).values().keySet()) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            XYSeries series = new XYSeries(name, false, true);
            for (MeterSampler.Sample sample : samples) {
                series.add(sample.seconds(), sample.values().getOrDefault(name, 0.0));
            }
            collection.addSeries(series);
        }
        return collection;
    }

    private static JFreeChart panel(String title, String unit, XYSeriesCollection... groups) {
        XYSeriesCollection all = new XYSeriesCollection();
        for (XYSeriesCollection group : groups) {
            for (Object series : group.getSeries()) {
                all.addSeries((XYSeries) series);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds", unit, all, PlotOrientation.VERTICAL,
                true, false, false);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xf7f7f7));
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < all.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        return chart;
    }
}
