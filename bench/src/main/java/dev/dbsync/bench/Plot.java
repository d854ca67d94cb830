package dev.dbsync.bench;

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
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A PNG line chart, log-log: time (ms) against N, one line per tool. Drawn with Java2D (headless), so the
 * benchmark needs nothing but the JDK; no timestamps or fonts from the host go into the picture beyond the
 * logical "SansSerif".
 */
final class Plot {
  private static final Color[] COLORS = {
      new Color(0xd6, 0x27, 0x28), new Color(0x1f, 0x77, 0xb4), new Color(0x2c, 0xa0, 0x2c),
      new Color(0xff, 0x7f, 0x0e), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
      new Color(0x7f, 0x7f, 0x7f)};
  private static final int WIDTH = 760;
  private static final int HEIGHT = 460;
  private static final int LEFT = 80;
  private static final int RIGHT = 220;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;

  private Plot() {}

  /** {@code series}: tool → (N → ms), in legend order; values ≤ 0 are left out. */
  static void write(Path file, String title, List<Integer> sizes, Map<String, Map<Integer, Double>> series)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    double min = Double.MAX_VALUE;
    double max = 0;
    for (Map<Integer, Double> line : series.values()) {
      for (double v : line.values()) {
        if (v > 0) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    double low = Math.pow(10, Math.floor(Math.log10(min)));
    double high = Math.pow(10, Math.ceil(Math.log10(max)));
    if (high <= low) {
      high = low * 10;
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, LEFT, 28);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    double xLow = Math.log10(sizes.get(0));
    double xHigh = Math.log10(sizes.get(sizes.size() - 1));
    // grid: decades on the y axis, the sizes on the x axis
    for (double decade = low; decade <= high * 1.0001; decade *= 10) {
      int y = y(decade, low, high, plotHeight);
      g.setColor(new Color(0xe0, 0xe0, 0xe0));
      g.drawLine(LEFT, y, LEFT + plotWidth, y);
      g.setColor(Color.BLACK);
      String label = decade >= 1 ? String.format(Locale.ROOT, "%,.0f ms", decade)
          : String.format(Locale.ROOT, "%s ms", decade);
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    for (int n : sizes) {
      int x = x(n, xLow, xHigh, plotWidth);
      g.setColor(new Color(0xe0, 0xe0, 0xe0));
      g.drawLine(x, TOP, x, TOP + plotHeight);
      g.setColor(Color.BLACK);
      String label = String.format(Locale.ROOT, "N = %,d", n);
      g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, TOP + plotHeight + 20);
    }
    g.drawRect(LEFT, TOP, plotWidth, plotHeight);
    int i = 0;
    for (Map.Entry<String, Map<Integer, Double>> line : series.entrySet()) {
      Color color = COLORS[i % COLORS.length];
      g.setColor(color);
      g.setStroke(new BasicStroke(2.2f));
      int[] previous = null;
      for (int n : sizes) {
        Double v = line.getValue().get(n);
        if (v == null || v <= 0) {
          previous = null;
          continue;
        }
        int[] point = {x(n, xLow, xHigh, plotWidth), y(v, low, high, plotHeight)};
        g.fillOval(point[0] - 4, point[1] - 4, 8, 8);
        if (previous != null) {
          g.drawLine(previous[0], previous[1], point[0], point[1]);
        }
        previous = point;
      }
      int legendY = TOP + 10 + i * 22;
      g.drawLine(LEFT + plotWidth + 15, legendY, LEFT + plotWidth + 40, legendY);
      g.setColor(Color.BLACK);
      g.drawString(line.getKey(), LEFT + plotWidth + 48, legendY + 4);
      i++;
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static int x(int n, double low, double high, int width) {
    if (high <= low) {
      return LEFT + width / 2; // one size only
    }
    return LEFT + (int) Math.round((Math.log10(n) - low) / (high - low) * width);
  }

  private static int y(double v, double low, double high, int height) {
    double fraction = (Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
    return TOP + height - (int) Math.round(fraction * height);
  }
}
