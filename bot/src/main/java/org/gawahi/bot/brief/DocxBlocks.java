package org.gawahi.bot.brief;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

/**
 * Blocks as an editable Word document (Apache POI XWPF), for the collective to correct, put on
 * its letterhead and sign. Text runs name Noto Sans for Latin and Noto Sans Devanagari for
 * complex scripts (the fonts the PDF embeds); a machine without them falls back to its own.
 */
final class DocxBlocks {
    static final String LATIN_FONT = "Noto Sans";
    static final String DEVANAGARI_FONT = "Noto Sans Devanagari";

    private DocxBlocks() {
    }

    static byte[] render(List<Block> blocks, String title, String footer) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(title);
            document.getProperties().getCoreProperties().setCreator("Gawahi");
            for (Block block : blocks) {
                add(document, block);
            }
            if (!footer.isEmpty()) {
                add(document, Block.space());
                add(document, Block.of(Block.Kind.SMALL, footer));
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the DOCX", e);
        }
    }

    private static void add(XWPFDocument document, Block block) {
        XWPFParagraph p = document.createParagraph();
        XWPFRun run = p.createRun();
        run.setFontFamily(LATIN_FONT);
        run.setFontFamily(DEVANAGARI_FONT, XWPFRun.FontCharRange.cs);
        run.setText(block.kind() == Block.Kind.ITEM ? "•  " + block.text() : block.text());
        p.setSpacingAfter(80);
        switch (block.kind()) {
            case NOTE -> style(run, 10, true, "B02020");
            case TITLE -> style(run, 20, true, "1F6F78");
            case SUBTITLE -> style(run, 10.5, false, "666666");
            case HEADING -> {
                style(run, 12.5, true, "1F6F78");
                p.setSpacingBefore(200);
            }
            case TEXT -> style(run, 11, false, "222222");
            case ITEM -> {
                style(run, 11, true, "222222");
                p.setIndentationLeft(240);
            }
            case SMALL -> style(run, 8.5, false, "666666");
            case QUOTE -> {
                style(run, 10.5, false, "222222");
                run.setItalic(true);
                p.setIndentationLeft(360);
            }
            case SPACE -> style(run, 8, false, "222222");
        }
        p.setAlignment(ParagraphAlignment.LEFT);
    }

    private static void style(XWPFRun run, double size, boolean bold, String color) {
        run.setFontSize(size);
        run.setBold(bold);
        run.setColor(color);
        // Devanagari is a complex script: Word and LibreOffice size and embolden it by szCs and bCs.
        CTRPr properties = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        properties.addNewSzCs().setVal(BigInteger.valueOf(Math.round(size * 2)));
        if (bold) {
            properties.addNewBCs();
        }
    }
}
