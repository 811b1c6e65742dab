package org.gawahi.bot.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into runs of Devanagari and of everything else, so each run is drawn with a
 * font that has its glyphs (the Noto fonts split Latin and Devanagari into two files).
 * Spaces, digits and punctuation join the run they stand in, so a Hindi phrase with a
 * number or a comma is shaped as one piece.
 */
final class Scripts {
    /** A piece of text in one script. */
    record Run(String text, boolean devanagari) {
    }

    private Scripts() {
    }

    static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Boolean devanagari = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Boolean script = isDevanagari(cp) ? Boolean.TRUE : isNeutral(cp) ? null : Boolean.FALSE;
            if (script != null && devanagari != null && !script.equals(devanagari) && current.length() > 0) {
                runs.add(new Run(current.toString(), devanagari));
                current.setLength(0);
            }
            if (script != null) {
                devanagari = script;
            }
            current.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (current.length() > 0) {
            runs.add(new Run(current.toString(), Boolean.TRUE.equals(devanagari)));
        }
        return runs;
    }

    static boolean isDevanagari(int cp) {
        return (cp >= 0x0900 && cp <= 0x097F) || (cp >= 0xA8E0 && cp <= 0xA8FF) || (cp >= 0x1CD0 && cp <= 0x1CFF)
                || cp == 0x200C || cp == 0x200D;
    }

    /** Characters both fonts have: they take the script of their neighbours. */
    private static boolean isNeutral(int cp) {
        return cp == ' ' || (cp >= '0' && cp <= '9') || ".,:;!?()[]%/-–—'\"‘’“”…+=&".indexOf(cp) >= 0;
    }
}
