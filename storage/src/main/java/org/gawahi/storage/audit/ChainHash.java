package org.gawahi.storage.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256, as 64 lowercase hex digits, over
 * <pre>
 *   str("gawahi/audit-entry/v1") || int64(seq) || str(at) || str(actor) || str(action)
 *   || (0x00 | 0x01 || str(subject)) || str(prev_hash)
 * </pre>
 * where {@code str} is the UTF-8 bytes preceded by their length as 4 bytes big-endian and
 * integers are big-endian. Every field is length-prefixed so no two entries encode alike
 * ("ab"+"c" is not "a"+"bc"), and an absent subject differs from an empty one. The hash
 * is public and unkeyed on purpose: anyone with a copy of the table can check it, no secret
 * needed. This format is frozen; a new one needs a new label and must keep verifying the old.
 */
final class ChainHash {
    static final String GENESIS = "0".repeat(64);
    private static final String LABEL = "gawahi/audit-entry/v1";
    private static final String ALGORITHM = "SHA-256";

    private ChainHash() {
    }

    static String of(long seq, String at, String actor, String action, String subjectOrNull, String prevHash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, LABEL);
            out.writeLong(seq);
            string(out, at);
            string(out, actor);
            string(out, action);
            if (subjectOrNull == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                string(out, subjectOrNull);
            }
            string(out, prevHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
