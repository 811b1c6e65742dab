package org.gawahi.bot.reports;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.EnumMap;
import java.util.Map;

/**
 * The fonts every report is drawn with: Noto Sans, and Noto Sans Devanagari, Bengali, Telugu
 * and Kannada, shipped in this jar under the SIL Open Font License (see {@code fonts/OFL.txt}),
 * so a report looks the same on any machine, with or without fonts installed, and Hindi and
 * Marathi, and quotes in the questionnaire's other languages, have real glyphs.
 */
final class Fonts {
    static final String DIR = "org/gawahi/bot/reports/fonts/";

    enum Face {
        LATIN("NotoSans-Regular.ttf"),
        LATIN_BOLD("NotoSans-Bold.ttf"),
        DEVANAGARI("NotoSansDevanagari-Regular.ttf"),
        DEVANAGARI_BOLD("NotoSansDevanagari-Bold.ttf"),
        BENGALI("NotoSansBengali-Regular.ttf"),
        BENGALI_BOLD("NotoSansBengali-Bold.ttf"),
        TELUGU("NotoSansTelugu-Regular.ttf"),
        TELUGU_BOLD("NotoSansTelugu-Bold.ttf"),
        KANNADA("NotoSansKannada-Regular.ttf"),
        KANNADA_BOLD("NotoSansKannada-Bold.ttf");

        final String file;

        Face(String file) {
            this.file = file;
        }

        String resource() {
            return DIR + file;
        }

        static Face of(Scripts.Script script, boolean bold) {
            return valueOf(script.name() + (bold ? "_BOLD" : ""));
        }
    }

    /** Loaded once: fonts are immutable and loading one reads half a megabyte. */
    private static final class Loaded {
        static final Map<Face, Font> FONTS = load();

        private static Map<Face, Font> load() {
            Map<Face, Font> fonts = new EnumMap<>(Face.class);
            for (Face face : Face.values()) {
                try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(face.resource())) {
                    if (in == null) {
                        throw new IllegalStateException("font missing from the jar: " + face.resource());
                    }
                    fonts.put(face, Font.createFont(Font.TRUETYPE_FONT, in));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read font " + face.resource(), e);
                } catch (FontFormatException e) {
                    throw new IllegalStateException("not a font: " + face.resource(), e);
                }
            }
            return fonts;
        }
    }

    private Fonts() {
    }

    static Font awt(Face face, float size) {
        return Loaded.FONTS.get(face).deriveFont(size);
    }

    /** Whether the shipped fonts have a glyph for every character of {@code text} (else it would print as boxes). */
    static boolean canDraw(String text) {
        for (Scripts.Run run : Scripts.runs(text)) {
            if (Loaded.FONTS.get(Face.of(run.script(), false)).canDisplayUpTo(run.text()) != -1) {
                return false;
            }
        }
        return true;
    }

    /** Text with the right font on each script run, for Java2D's TextLayout. */
    static AttributedString styled(String text, float size, boolean bold) {
        String shown = text.isEmpty() ? " " : text;
        AttributedString styled = new AttributedString(shown);
        int at = 0;
        for (Scripts.Run run : Scripts.runs(shown)) {
            styled.addAttribute(TextAttribute.FONT, awt(Face.of(run.script(), bold), size), at, at + run.text().length());
            at += run.text().length();
        }
        return styled;
    }
}
