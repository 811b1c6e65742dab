package org.gawahi.bot.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.gawahi.config.questionnaire.Indicator;
import org.gawahi.storage.reports.Cell;
import org.gawahi.storage.reports.CellKey;
import org.gawahi.storage.reports.Figure;
import org.gawahi.storage.reports.Percentage;
import org.gawahi.storage.reports.Report;

/**
 * Horizontal bar charts drawn with Java2D (headless, no chart library): one bar per
 * printable figure, its words beside it, withheld figures listed without a bar, and the
 * audit head at the foot. Text is laid out by Java2D, which shapes Devanagari.
 */
final class Charts {
    static final int WIDTH = 1400;
    private static final int MARGIN = 40;
    private static final int LABEL_WIDTH = 620;
    private static final int BAR_LEFT = MARGIN + LABEL_WIDTH + 20;
    private static final int BAR_WIDTH = WIDTH - BAR_LEFT - 230;
    private static final int ROW = 64;
    private static final float TEXT = 20f;
    private static final Color BAR = new Color(0x1f, 0x6f, 0x78);
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x70, 0x70, 0x70);

    /** One line of a chart: a bar of {@code value} out of {@code max}, or only words when empty. */
    record Bar(String label, Optional<Double> value, String words) {
    }

    private Charts() {
    }

    /** Every share indicator over all areas and the whole period: the report at a glance. */
    static Optional<byte[]> overview(Report report, Wording words) {
        List<Bar> bars = new ArrayList<>();
        for (Figure f : report.figures()) {
            if (!f.indicator().isShare()) {
                continue;
            }
            Percentage share = f.share(CellKey.grandTotal()).orElseThrow();
            if (!isNonZero(f.denominators().orElseThrow().grandTotal())) {
                continue; // nobody was asked: "fewer than 20 reports" would mislead
            }
            bars.add(new Bar(words.label(f.indicator()), share instanceof Percentage.Shown s
                    ? Optional.of(s.percent()) : Optional.empty(), words.share(share)));
        }
        if (bars.stream().allMatch(b -> b.value().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(draw(words.message("title"), words.periodLine(report), bars, 100, words.auditLine(report)));
    }

    /** One indicator by area over the whole period; empty when no area has a figure to draw. */
    static Optional<byte[]> byArea(Report report, Figure figure, Wording words) {
        Indicator indicator = figure.indicator();
        List<Bar> bars = new ArrayList<>();
        double max = 0;
        for (String row : figure.counts().rows()) {
            CellKey key = CellKey.rowTotal(row);
            if (indicator.isShare()) {
                Percentage share = figure.share(key).orElseThrow();
                if (share instanceof Percentage.Shown s) {
                    bars.add(new Bar(words.area(row), Optional.of(s.percent()), words.share(share)));
                } else if (isNonZero(figure.denominators().orElseThrow().cell(key))) {
                    bars.add(new Bar(words.area(row), Optional.empty(), words.share(share)));
                }
            } else {
                Cell cell = figure.counts().cell(key);
                if (cell instanceof Cell.Count c && c.value() > 0) {
                    bars.add(new Bar(words.area(row), Optional.of((double) c.value()), Long.toString(c.value())));
                    max = Math.max(max, c.value());
                } else if (cell instanceof Cell.Suppressed) {
                    bars.add(new Bar(words.area(row), Optional.empty(), words.message("not_printed_note")));
                }
            }
        }
        if (bars.stream().allMatch(b -> b.value().isEmpty())) {
            return Optional.empty();
        }
        String axis = indicator.isShare()
                ? words.message("chart_share_axis", Map.of("denominator", words.denominator(indicator)))
                : words.message("chart_count_axis", Map.of("unit", words.unit(indicator)));
        String title = words.message("chart_title", Map.of("label", words.label(indicator)));
        return Optional.of(draw(title, words.periodLine(report) + " · " + axis, bars,
                indicator.isShare() ? 100 : max, words.auditLine(report)));
    }

    private static boolean isNonZero(Cell cell) {
        return !(cell instanceof Cell.Count c) || c.value() > 0;
    }

    static byte[] draw(String title, String subtitle, List<Bar> bars, double max, String footer) {
        int height = MARGIN + 50 + 40 + 20 + bars.size() * ROW + 60 + MARGIN;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            int y = MARGIN + 30;
            text(g, title, MARGIN, y, 30f, true, INK);
            y += 40;
            text(g, subtitle, MARGIN, y, 18f, false, MUTED);
            y += 30;
            for (Bar bar : bars) {
                int top = y;
                int barY = top + 14;
                wrapped(g, bar.label(), MARGIN, barY + (ROW - 30) / 2f, LABEL_WIDTH, TEXT, INK);
                if (bar.value().isPresent() && max > 0) {
                    int length = (int) Math.round(BAR_WIDTH * Math.min(1.0, bar.value().get() / max));
                    g.setColor(BAR);
                    g.fillRect(BAR_LEFT, barY, Math.max(2, length), ROW - 30);
                    text(g, bar.words(), BAR_LEFT + Math.max(2, length) + 10, barY + 24, TEXT, true, INK);
                } else {
                    text(g, bar.words(), BAR_LEFT, barY + 24, TEXT - 2, false, MUTED);
                }
                y += ROW;
            }
            g.setColor(new Color(0xdd, 0xdd, 0xdd));
            g.drawLine(MARGIN, y + 10, WIDTH - MARGIN, y + 10);
            text(g, footer, MARGIN, y + 40, 15f, false, MUTED);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a PNG", e);
        }
        return png.toByteArray();
    }

    private static void text(Graphics2D g, String text, float x, float y, float size, boolean bold, Color color) {
        g.setColor(color);
        new TextLayout(Fonts.styled(text, size, bold).getIterator(), g.getFontRenderContext()).draw(g, x, y);
    }

    /** Draws text in at most two lines of {@code width}, centred on {@code middle}. */
    private static void wrapped(Graphics2D g, String text, float x, float middle, float width, float size, Color color) {
        g.setColor(color);
        FontRenderContext frc = g.getFontRenderContext();
        AttributedCharacterIterator it = Fonts.styled(text, size, false).getIterator();
        LineBreakMeasurer measurer = new LineBreakMeasurer(it, frc);
        List<TextLayout> lines = new ArrayList<>();
        while (lines.size() < 2 && measurer.getPosition() < it.getEndIndex()) {
            lines.add(measurer.nextLayout(width));
        }
        float step = size * 1.25f;
        float line = middle + size * 0.35f - (lines.size() - 1) * step / 2;
        for (TextLayout layout : lines) {
            layout.draw(g, x, line);
            line += step;
        }
    }
}
