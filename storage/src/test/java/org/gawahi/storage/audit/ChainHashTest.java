package org.gawahi.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class ChainHashTest {
    private static final String AT = "2026-03-01T10:17:00Z";
    private static final String ACTOR = "a1".repeat(32);
    private static final String SUBJECT = "0123456789abcdef0123456789abcdef";

    @Test
    void isSha256OverTheDocumentedLengthPrefixedEncoding() throws Exception {
        // Written out by hand, independently of ChainHash, so a change of format fails here.
        ByteBuffer b = ByteBuffer.allocate(1024);
        field(b, "gawahi/audit-entry/v1");
        b.putLong(7);
        field(b, AT);
        field(b, ACTOR);
        field(b, "TESTIMONY_APPROVED");
        b.put((byte) 1);
        field(b, SUBJECT);
        field(b, AuditLog.GENESIS);
        byte[] encoded = new byte[b.position()];
        b.flip().get(encoded);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));

        assertThat(ChainHash.of(7, AT, ACTOR, "TESTIMONY_APPROVED", SUBJECT, AuditLog.GENESIS)).isEqualTo(expected);
    }

    @Test
    void anAbsentSubjectIsNotAnEmptyOne() {
        assertThat(ChainHash.of(1, AT, ACTOR, "EXPORT", null, AuditLog.GENESIS))
                .isNotEqualTo(ChainHash.of(1, AT, ACTOR, "EXPORT", "", AuditLog.GENESIS));
    }

    @Test
    void movingCharactersBetweenFieldsChangesTheHash() {
        assertThat(ChainHash.of(1, AT, "operator", "EXPORT", null, AuditLog.GENESIS))
                .isNotEqualTo(ChainHash.of(1, AT, "operato", "rEXPORT", null, AuditLog.GENESIS));
        assertThat(ChainHash.of(1, AT, ACTOR, "EXPORT", "ab", AuditLog.GENESIS))
                .isNotEqualTo(ChainHash.of(1, AT, ACTOR, "EXPORTa", "b", AuditLog.GENESIS));
    }

    @Test
    void theSequenceNumberIsPartOfTheHash() {
        assertThat(ChainHash.of(1, AT, ACTOR, "EXPORT", null, AuditLog.GENESIS))
                .isNotEqualTo(ChainHash.of(2, AT, ACTOR, "EXPORT", null, AuditLog.GENESIS));
    }

    private static void field(ByteBuffer b, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        b.putInt(utf8.length).put(utf8);
    }
}
