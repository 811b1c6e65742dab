package org.gawahi.bot.reports;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;

/**
 * The embedded Noto fonts for OpenPDF, with Java2D glyph layout switched on so Devanagari is
 * shaped (conjuncts, vowel signs) rather than drawn letter by letter. OpenPDF keeps that
 * switch, and the fonts it has laid out, in static state of its own: it is turned on once,
 * here, before the first font is made. Public for the raid brief ({@code org.gawahi.bot.brief}).
 */
public final class PdfFonts {
    private static final Map<Fonts.Face, BaseFont> FONTS = new EnumMap<>(Fonts.Face.class);

    private PdfFonts() {
    }

    static synchronized BaseFont base(Fonts.Face face) {
        BaseFont font = FONTS.get(face);
        if (font == null) {
            if (!LayoutProcessor.isEnabled()) {
                LayoutProcessor.enableKernLiga();
            }
            try {
                font = BaseFont.createFont(face.resource(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load font " + face.resource(), e);
            }
            FONTS.put(face, font);
        }
        return font;
    }

    /** Whether the shipped fonts draw every character of {@code text} (else it would print as boxes). */
    public static boolean canDraw(String text) {
        return Fonts.canDraw(text);
    }

    /** A phrase whose script runs each have a font with their glyphs. */
    public static Phrase phrase(String text, float size, boolean bold, Color color) {
        Phrase phrase = new Phrase();
        for (Scripts.Run run : Scripts.runs(text)) {
            Font font = new Font(base(Fonts.Face.of(run.script(), bold)), size, Font.NORMAL, color);
            phrase.add(new Chunk(run.text(), font));
        }
        return phrase;
    }
}
