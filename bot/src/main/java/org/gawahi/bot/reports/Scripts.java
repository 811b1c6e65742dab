package org.gawahi.bot.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into runs of one script each, so each run is drawn with a font that has its
 * glyphs (the Noto fonts come one file per script). Spaces, digits, punctuation, the dandas
 * and the zero-width joiners join the run they stand in, so a Hindi phrase with a number or
 * a comma, or a Bengali one ending in a danda, is shaped as one piece.
 */
final class Scripts {
    /** The scripts the shipped fonts draw; everything else goes to the Latin font (Latin, Greek, Cyrillic). */
    enum Script { LATIN, DEVANAGARI, BENGALI, TELUGU, KANNADA }

    /** A piece of text in one script. */
    record Run(String text, Script script) {
        Run(String text, boolean devanagari) {
            this(text, devanagari ? Script.DEVANAGARI : Script.LATIN);
        }

        boolean devanagari() {
            return script == Script.DEVANAGARI;
        }
    }

    private Scripts() {
    }

    static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Script open = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Script script = isNeutral(cp) ? null : scriptOf(cp);
            if (script != null && open != null && script != open && current.length() > 0) {
                runs.add(new Run(current.toString(), open));
                current.setLength(0);
            }
            if (script != null) {
                open = script;
            }
            current.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (current.length() > 0) {
            runs.add(new Run(current.toString(), open == null ? Script.LATIN : open));
        }
        return runs;
    }

    static boolean isDevanagari(int cp) {
        return scriptOf(cp) == Script.DEVANAGARI;
    }

    static Script scriptOf(int cp) {
        if ((cp >= 0x0900 && cp <= 0x097F) || (cp >= 0xA8E0 && cp <= 0xA8FF) || (cp >= 0x1CD0 && cp <= 0x1CFF)) {
            return Script.DEVANAGARI;
        }
        if (cp >= 0x0980 && cp <= 0x09FF) {
            return Script.BENGALI;
        }
        if (cp >= 0x0C00 && cp <= 0x0C7F) {
            return Script.TELUGU;
        }
        if (cp >= 0x0C80 && cp <= 0x0CFF) {
            return Script.KANNADA;
        }
        return Script.LATIN;
    }

    /** Characters every script's text uses: they take the script of their neighbours. */
    private static boolean isNeutral(int cp) {
        return cp == ' ' || (cp >= '0' && cp <= '9') || cp == 0x200C || cp == 0x200D || cp == 0x0964 || cp == 0x0965
                || ".,:;!?()[]%/-–—'\"‘’“”…+=&".indexOf(cp) >= 0;
    }
}
