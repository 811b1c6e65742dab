package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.drafts.ChatRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack of issue 13 as it worked before: with {@code keys/server.secret} from the disk and
 * a suspected chat id, derive the draft row's name and key as Gawahi once did, and try every
 * draft row. It now names no row and opens none.
 */
class ServerSecretOpensNoDraftTest {
    private static final long SUSPECTED = 5_123_456_789L;

    @TempDir
    Path data;

    @Test
    void theServerSecretAndASuspectedChatIdNameNoDraftRowAndOpenNone() throws Exception {
        List<byte[]> rows;
        try (TestStorage bot = TestStorage.create(data)) {
            bot.drafts.save(ChatRef.of(SUSPECTED), SecretBytes.utf8("{\"texts\":{\"q29\":\"they took our phones\"}}"));
            rows = bot.db.inTransaction(c -> {
                List<byte[]> sealed = new java.util.ArrayList<>();
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT sealed FROM drafts")) {
                    while (rs.next()) {
                        sealed.add(rs.getBytes(1));
                    }
                }
                return sealed;
            });
        }
        assertThat(rows).hasSize(1);

        byte[] prk;
        try (ServerSecret secret = new Keys(data, Fixtures.RANDOM, java.time.Clock.systemUTC()).serverSecret()) {
            prk = secret.extract();
        }
        byte[] chat = new Canonical().int64(SUSPECTED).toByteArray();
        String oldName = Bytes.hex(Hkdf.hmac(Hkdf.expand(prk, ascii("gawahi/draft-row-name/v1"), 32), chat));
        byte[] oldKey = Hkdf.expand(prk, Bytes.concat(ascii("gawahi/draft-key/v1"), chat), 32);
        byte[] oldAd = new Canonical().string("gawahi draft").int32(1).string(oldName).toByteArray();

        assertThat(new LeakScan().text("the row name the server secret gives", oldName)
                .findIn(LeakScan.filesUnder(data))).isEmpty();
        for (byte[] row : rows) {
            byte[] sealed = Arrays.copyOfRange(row, 1, row.length);
            assertThat(opens(oldKey, sealed, oldAd)).isFalse();
        }
    }

    private static boolean opens(byte[] key, byte[] sealed, byte[] ad) {
        try {
            Gcm.decrypt(key, sealed, ad);
            return true;
        } catch (javax.crypto.AEADBadTagException e) {
            return false;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
