package org.gawahi.bot.interview;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One layout of an encoded draft, named by its first byte. A layout, once released, is never
 * changed: a new field makes a new layout with the next byte, and the old one stays readable
 * so that a conversation under way survives the upgrade. {@link DraftCodec} picks the reader
 * by the first byte and writes only the newest layout.
 */
interface DraftFormat {
    /** The first byte of every draft in this layout. */
    byte tag();

    /**
     * @param raw the whole encoded draft, its first byte included
     * @throws IOException the bytes are not a whole draft in this layout
     */
    Draft read(byte[] raw) throws IOException;

    /** Writes the draft, its first byte included; a layout kept only for reading refuses. */
    default void write(Draft draft, DataOutputStream out) throws IOException {
        throw new UnsupportedOperationException("format " + tag() + " is only read");
    }
}
