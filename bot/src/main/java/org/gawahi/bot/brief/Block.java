package org.gawahi.bot.brief;

import java.util.Objects;

/**
 * One paragraph of a brief or a letter, before it is a PDF or a DOCX: both writers draw the
 * same blocks, so the editable DOCX says exactly what the signed PDF says.
 */
record Block(Kind kind, String text) {
    enum Kind {
        /** A warning line above everything (a draft letter). */
        NOTE,
        TITLE,
        SUBTITLE,
        HEADING,
        TEXT,
        /** A point of a list. */
        ITEM,
        /** A citation, a method line, the signature and audit head. */
        SMALL,
        QUOTE,
        /** An empty line (a letter's blank lines). */
        SPACE
    }

    Block {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    static Block of(Kind kind, String text) {
        return new Block(kind, text);
    }

    static Block space() {
        return new Block(Kind.SPACE, "");
    }
}
