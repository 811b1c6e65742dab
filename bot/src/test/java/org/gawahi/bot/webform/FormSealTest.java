package org.gawahi.bot.webform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.AssociatedData;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Mini App form seals in her browser (web/form/src/seal.mjs: @hpke/core with pure-JS
 * X25519) opens with Gawahi's own opener (Bouncy Castle), with the associated data of a
 * testimony row, to the testimony she typed; and it is bound to its row like any other record.
 */
class FormSealTest {
    private static final String CANARY = "CANARY-form-3f9c1e वे रात में आए";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void whatThePageSealsOpensWithTheCollectivesKeyAsATestimonyRow() throws Exception {
        Path web = WebNode.webWithPackages();
        Keys keys = new Keys(data, new SecureRandom(), Clock.systemUTC());
        String keyId = keys.init(Secret.of("a long passphrase for the form test"), Argon2Profile.TEST).keyId();
        String publicKey = JSON.readTree(data.resolve("keys/collective-" + keyId + ".key").toFile())
                .get("publicKey").asText();
        String testimony = "{\"answers\":{\"c1\":[\"yes\"]},\"language\":\"hi\",\"questionnaire\":\"raid\","
                + "\"texts\":{\"q29\":\"" + CANARY + "\"},\"version\":1}";

        JsonNode sealed = JSON.readTree(WebNode.node(web, "form/test/seal-cli.mjs", List.of(keyId, publicKey), testimony)
                .succeeded().out());
        String id = sealed.get("id").asText();
        byte[] record = Base64.getDecoder().decode(sealed.get("record").asText());

        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(new String(record, StandardCharsets.ISO_8859_1)).doesNotContain("CANARY");
        try (Opener opener = keys.unlock(Secret.of("a long passphrase for the form test"));
             SecretBytes plain = opener.open(record, AssociatedData.of("testimony", id, 1, keyId).bytes())) {
            assertThat(new String(plain.bytes(), StandardCharsets.UTF_8)).isEqualTo(testimony);
            assertThat(TestimonyContent.fromJson(plain).texts()).containsEntry("q29", CANARY);
            assertThatThrownBy(() -> opener.open(record, AssociatedData.of("testimony", "0".repeat(32), 1, keyId).bytes()))
                    .as("the same record under another row id").isInstanceOf(CannotOpenException.class);
            assertThatThrownBy(() -> opener.open(record, AssociatedData.of("contact", id, 1, keyId).bytes()))
                    .as("the same record as another kind of row").isInstanceOf(CannotOpenException.class);
        }
    }
}
