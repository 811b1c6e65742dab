package org.gawahi.bot.brief;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.gawahi.bot.reports.PdfFonts;

/** Blocks as an A4 PDF, with the report's embedded Noto fonts (Devanagari shaped) and a footer line. */
final class PdfBlocks {
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x66, 0x66, 0x66);
    private static final Color ACCENT = new Color(0x1f, 0x6f, 0x78);
    private static final Color WARNING = new Color(0xb0, 0x20, 0x20);

    private PdfBlocks() {
    }

    static byte[] render(List<Block> blocks, String title, String footer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 54, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            if (!footer.isEmpty()) {
                writer.setPageEvent(new Footer(footer));
            }
            document.addTitle(title);
            document.addCreator("Gawahi");
            document.open();
            for (Block block : blocks) {
                document.add(paragraph(block));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot lay out the PDF", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private static Paragraph paragraph(Block block) {
        return switch (block.kind()) {
            case NOTE -> paragraph(block.text(), 10, true, WARNING, 8, 0);
            case TITLE -> paragraph(block.text(), 20, true, ACCENT, 4, 0);
            case SUBTITLE -> paragraph(block.text(), 10.5f, false, MUTED, 12, 0);
            case HEADING -> spaced(paragraph(block.text(), 12.5f, true, ACCENT, 4, 0), 10);
            case TEXT -> paragraph(block.text(), 11, false, INK, 4, 0);
            case ITEM -> spaced(paragraph("•  " + block.text(), 11, true, INK, 2, 12), 4);
            case SMALL -> paragraph(block.text(), 8.5f, false, MUTED, 3, 0);
            case QUOTE -> paragraph(block.text(), 10.5f, false, INK, 6, 18);
            case SPACE -> paragraph(" ", 8, false, INK, 0, 0);
        };
    }

    private static Paragraph paragraph(String text, float size, boolean bold, Color color, float after, float indent) {
        Paragraph p = new Paragraph(PdfFonts.phrase(text, size, bold, color));
        p.setLeading(size * 1.45f);
        p.setSpacingAfter(after);
        p.setIndentationLeft(indent);
        return p;
    }

    private static Paragraph spaced(Paragraph p, float before) {
        p.setSpacingBefore(before);
        return p;
    }

    /** The footer line on every page, as reports carry the audit head on every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String text;

        Footer(String text) {
            this.text = text;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Phrase phrase = PdfFonts.phrase(text + "  ·  " + writer.getPageNumber(), 7.5f, false, MUTED);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, phrase,
                    (document.left() + document.right()) / 2, document.bottom() - 28, 0);
        }
    }
}
