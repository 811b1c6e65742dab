package org.gawahi.bot.reports;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.reports.Cell;
import org.gawahi.storage.reports.CellKey;
import org.gawahi.storage.reports.Figure;
import org.gawahi.storage.reports.Report;

/**
 * The brief a person would rather read: title, period, method, then each indicator with the
 * law it speaks to, its figures by area and period and a chart, the quotes that may be
 * printed, and the audit head on every page.
 */
final class PdfBrief {
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x66, 0x66, 0x66);
    private static final Color ACCENT = new Color(0x1f, 0x6f, 0x78);
    /** With more period columns than this, the brief shows only the whole period (the CSV has all). */
    private static final int MAX_PERIOD_COLUMNS = 6;

    private PdfBrief() {
    }

    static byte[] render(Report report, Wording words, Questionnaire questionnaire, String signingKeyId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 54, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(words.auditLine(report)));
            writer.setStrictImageSequence(true); // a chart stays beside its figures, even across a page break
            document.addTitle(words.message("title"));
            document.addCreator("Gawahi");
            document.open();
            if (report.rehearsal()) {
                document.add(paragraph(words.message("rehearsal"), 13, true, new Color(0xb0, 0x20, 0x20), 6));
            }
            if (report.provisional()) {
                document.add(paragraph(words.message("provisional"), 13, true, new Color(0xb0, 0x20, 0x20), 6));
            }
            document.add(paragraph(words.message("title"), 20, true, ACCENT, 4));
            document.add(paragraph(words.message("subtitle"), 10.5f, false, MUTED, 10));
            document.add(paragraph(words.periodLine(report), 11, true, INK, 2));
            document.add(paragraph(words.message("made_on", Map.of("date", report.madeOn().toString())), 9, false, MUTED, 12));
            if (report.nothingToPublish()) {
                document.add(paragraph(words.message("nothing_publishable"), 13, true, INK, 12));
            }
            document.add(paragraph(words.message("method_title"), 13, true, ACCENT, 4));
            for (String line : words.method(report)) {
                document.add(paragraph(line, 9.5f, false, INK, 3));
            }
            Optional<byte[]> overview = Charts.overview(report, words);
            if (overview.isPresent()) {
                document.add(image(overview.get(), document, 1.0f));
            }
            List<String> withheld = new ArrayList<>();
            for (Figure figure : report.figures()) {
                if (figure.nothingToPublish()) {
                    withheld.add(words.label(figure.indicator()));
                    continue;
                }
                addFigure(document, report, figure, words, questionnaire);
            }
            if (!withheld.isEmpty() && !report.nothingToPublish()) {
                document.add(paragraph(words.message("nothing_publishable"), 10, true, INK, 2));
                document.add(paragraph(String.join(" · ", withheld), 9, false, MUTED, 10));
            }
            document.add(paragraph(words.message("quotes_title"), 13, true, ACCENT, 4));
            // A quote in a script no shipped font draws would print as boxes: better left out.
            List<String> quotes = report.quotes().stream().filter(Fonts::canDraw).toList();
            if (quotes.isEmpty()) {
                document.add(paragraph(words.message("no_quotes"), 9.5f, false, MUTED, 10));
            }
            for (String quote : quotes) {
                document.add(paragraph("“" + quote + "”", 10, false, INK, 6));
            }
            document.add(paragraph(words.message("signed_by", Map.of("key", signingKeyId)), 8.5f, false, MUTED, 2));
            document.add(paragraph(words.auditLine(report), 8.5f, false, MUTED, 0));
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot lay out the PDF brief", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private static void addFigure(Document document, Report report, Figure figure, Wording words,
                                  Questionnaire questionnaire) throws DocumentException {
        Paragraph heading = paragraph(words.label(figure.indicator()), 12.5f, true, ACCENT, 2);
        heading.setSpacingBefore(12);
        document.add(heading);
        for (String id : figure.indicator().safeguards()) {
            Paragraph law = paragraph(words.message("the_law") + ": " + words.safeguard(id), 9, false, INK, 0);
            document.add(law);
            document.add(paragraph(questionnaire.indicators().safeguard(id).citation(), 8, false, MUTED, 2));
        }
        document.add(table(figure, words, report));
        Optional<byte[]> chart = Charts.byArea(report, figure, words);
        if (chart.isPresent()) {
            document.add(image(chart.get(), document, 0.8f));
        }
    }

    private static PdfPTable table(Figure figure, Wording words, Report report) throws DocumentException {
        List<String> columns = new ArrayList<>();
        if (figure.counts().columns().size() <= MAX_PERIOD_COLUMNS) {
            columns.addAll(figure.counts().columns());
        }
        columns.add(CellKey.TOTAL);
        PdfPTable table = new PdfPTable(columns.size() + 1);
        float[] widths = new float[columns.size() + 1];
        widths[0] = 2.2f;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 1.3f;
        }
        table.setWidths(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(4);
        table.addCell(cell(words.message("area"), true));
        for (String c : columns) {
            table.addCell(cell(words.period(c), true));
        }
        List<String> rows = new ArrayList<>(figure.counts().rows());
        rows.add(CellKey.TOTAL);
        for (String row : rows) {
            if (!row.equals(CellKey.TOTAL) && isEmptyRow(figure, row)) {
                continue; // nobody reported anything here: a line of zeros says nothing
            }
            table.addCell(cell(words.area(row), row.equals(CellKey.TOTAL)));
            for (String c : columns) {
                CellKey key = new CellKey(row, c);
                String text = !figure.indicator().isShare() ? words.cell(figure.counts().cell(key))
                        : noReports(figure, key) ? "0" // nobody answered: "fewer than 20 reports" would mislead
                        : words.share(figure.share(key).orElseThrow());
                table.addCell(cell(text, false));
            }
        }
        return table;
    }

    private static boolean noReports(Figure figure, CellKey key) {
        return figure.denominators().orElseThrow().cell(key) instanceof Cell.Count c && c.value() == 0;
    }

    private static boolean isEmptyRow(Figure figure, String row) {
        Cell total = figure.denominators().orElse(figure.counts()).rowTotal(row);
        return total instanceof Cell.Count c && c.value() == 0;
    }

    private static PdfPCell cell(String text, boolean header) {
        PdfPCell cell = new PdfPCell(PdfFonts.phrase(text, header ? 8.5f : 8.5f, header, INK));
        cell.setPadding(4);
        cell.setBorderColor(new Color(0xcc, 0xcc, 0xcc));
        if (header) {
            cell.setBackgroundColor(new Color(0xee, 0xf4, 0xf5));
        }
        return cell;
    }

    private static Paragraph paragraph(String text, float size, boolean bold, Color color, float after) {
        Paragraph p = new Paragraph(PdfFonts.phrase(text, size, bold, color));
        p.setLeading(size * 1.45f);
        p.setSpacingAfter(after);
        return p;
    }

    private static Image image(byte[] png, Document document, float share) {
        try {
            Image image = Image.getInstance(png);
            float width = (document.getPageSize().getWidth() - document.leftMargin() - document.rightMargin()) * share;
            image.scaleToFit(width, 1000);
            image.setAlignment(Element.ALIGN_LEFT);
            image.setSpacingBefore(6);
            image.setSpacingAfter(6);
            return image;
        } catch (IOException | DocumentException e) {
            throw new UncheckedIOException("cannot place a chart in the PDF", e instanceof IOException io ? io
                    : new IOException(e));
        }
    }

    /** The audit head and the page number at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String auditLine;

        Footer(String auditLine) {
            this.auditLine = auditLine;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Phrase text = PdfFonts.phrase(auditLine + "   ·   " + writer.getPageNumber(), 7, false, MUTED);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT, text, document.leftMargin(), 30, 0);
        }
    }
}
