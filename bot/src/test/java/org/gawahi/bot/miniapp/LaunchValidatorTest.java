package org.gawahi.bot.miniapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gawahi.bot.miniapp.LaunchRefused.Reason;
import org.gawahi.bot.telegram.TelegramChats;
import org.gawahi.config.secret.Secret;
import org.junit.jupiter.api.Test;

class LaunchValidatorTest {
    private static final String TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-bs";
    private static final String OTHER_TOKEN = "987654321:AAF0therB0tT0kenXXXXXXXXXXXXXXXXXXX";
    private static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");
    private static final long USER = 279058397L;

    private final LaunchValidator validator = new LaunchValidator(Secret.of(TOKEN), TestLaunches.telegramPublicKey(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, String> fields() {
        return TestLaunches.fields(USER, "hi", NOW.minusSeconds(60));
    }

    @Test
    void acceptsLaunchDataTelegramHashedForThisBot() throws LaunchRefused {
        Launch launch = validator.validate(TestLaunches.hashed(TOKEN, fields()));

        assertThat(launch.user()).isEqualTo(TelegramChats.ref(USER));
        assertThat(launch.languageCode()).contains("hi");
        assertThat(launch.authDate()).isEqualTo(NOW.minusSeconds(60));
        assertThat(launch.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(launch.toString()).doesNotContain(Long.toString(USER));
    }

    @Test
    void acceptsTelegramsSignatureForThisBot() throws LaunchRefused {
        assertThat(validator.validate(TestLaunches.signedAndHashed(TOKEN, 123456789L, fields())).user())
                .isEqualTo(TelegramChats.ref(USER));
    }

    @Test
    void refusesAForgedHash() {
        String forged = TestLaunches.hashed(TOKEN, fields()).replaceAll("hash=[0-9a-f]{4}", "hash=0000");
        assertRefused(forged, Reason.FORGED);
    }

    @Test
    void refusesAnAlteredUserUnderTheOriginalHash() {
        Map<String, String> original = fields();
        String hash = TestLaunches.hash(TOKEN, original);
        Map<String, String> altered = new LinkedHashMap<>(original);
        altered.put("user", original.get("user").replace(Long.toString(USER), "1"));
        altered.put("hash", hash);
        assertRefused(TestLaunches.encode(altered), Reason.FORGED);
    }

    @Test
    void refusesLaunchDataOfAnotherBot() {
        assertRefused(TestLaunches.hashed(OTHER_TOKEN, fields()), Reason.FORGED);
    }

    @Test
    void refusesASignatureMadeForAnotherBotId() {
        assertRefused(TestLaunches.signedAndHashed(TOKEN, 987654321L, fields()), Reason.FORGED);
    }

    @Test
    void refusesASignatureThatIsNotTelegrams() {
        Map<String, String> all = new LinkedHashMap<>(fields());
        all.put("signature", "A".repeat(86));
        all.put("hash", TestLaunches.hash(TOKEN, all));
        assertRefused(TestLaunches.encode(all), Reason.FORGED);
    }

    @Test
    void refusesLaunchDataOlderThanAnHour() {
        assertRefused(TestLaunches.launch(TOKEN, USER, "hi", NOW.minus(Duration.ofHours(1)).minusSeconds(1)),
                Reason.STALE);
    }

    @Test
    void acceptsLaunchDataJustUnderAnHourOld() throws LaunchRefused {
        assertThat(validator.validate(TestLaunches.launch(TOKEN, USER, "hi", NOW.minus(Duration.ofMinutes(59)))))
                .isNotNull();
    }

    @Test
    void refusesLaunchDataFromTheFuture() {
        assertRefused(TestLaunches.launch(TOKEN, USER, "hi", NOW.plus(Duration.ofMinutes(10))), Reason.STALE);
    }

    @Test
    void givesReorderedFieldsTheSameFingerprintSoAReplayCannotHideByReordering() throws LaunchRefused {
        Map<String, String> in = fields();
        String hash = TestLaunches.hash(TOKEN, in);
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("hash", hash);
        reversed.put("auth_date", in.get("auth_date"));
        reversed.put("user", in.get("user"));
        reversed.put("query_id", in.get("query_id"));
        String plain = TestLaunches.hashed(TOKEN, in);
        String reordered = TestLaunches.encode(reversed);
        assertThat(reordered).isNotEqualTo(plain);

        assertThat(validator.validate(reordered).fingerprint()).isEqualTo(validator.validate(plain).fingerprint());
    }

    @Test
    void givesDifferentLaunchesDifferentFingerprints() throws LaunchRefused {
        assertThat(validator.validate(TestLaunches.launch(TOKEN, USER, "hi", NOW.minusSeconds(60))).fingerprint())
                .isNotEqualTo(validator.validate(TestLaunches.launch(TOKEN, USER, "hi", NOW.minusSeconds(61)))
                        .fingerprint());
    }

    @Test
    void refusesAFieldGivenTwice() {
        String valid = TestLaunches.hashed(TOKEN, fields());
        assertRefused(valid + "&user=" + "%7B%22id%22%3A1%7D", Reason.MALFORMED);
        assertRefused(valid + "&hash=" + "0".repeat(64), Reason.MALFORMED);
    }

    @Test
    void refusesLaunchDataWithoutHashUserOrDate() {
        Map<String, String> noUser = new LinkedHashMap<>(fields());
        noUser.remove("user");
        assertRefused(TestLaunches.hashed(TOKEN, noUser), Reason.MALFORMED);

        Map<String, String> noDate = new LinkedHashMap<>(fields());
        noDate.remove("auth_date");
        assertRefused(TestLaunches.hashed(TOKEN, noDate), Reason.MALFORMED);

        assertRefused(TestLaunches.encode(fields()), Reason.FORGED);
    }

    @Test
    void refusesAUserWithoutANumericId() {
        Map<String, String> f = new LinkedHashMap<>(fields());
        f.put("user", "{\"id\":\"279058397\"}");
        assertRefused(TestLaunches.hashed(TOKEN, f), Reason.MALFORMED);
        f.put("user", "not json");
        assertRefused(TestLaunches.hashed(TOKEN, f), Reason.MALFORMED);
    }

    @Test
    void refusesEmptyGarbageAndHugeInputWithoutHashingIt() {
        assertRefused(null, Reason.MISSING);
        assertRefused("", Reason.MISSING);
        assertRefused("a".repeat(LaunchValidator.MAX_CHARS + 1), Reason.MISSING);
        assertRefused("%zz=1", Reason.MALFORMED);
        assertRefused("novalue&x=1", Reason.MALFORMED);
    }

    @Test
    void saysOnlyTheReasonNeverTheData() {
        String data = TestLaunches.hashed(OTHER_TOKEN, fields());
        assertThatThrownBy(() -> validator.validate(data))
                .hasMessage("launch data refused: forged")
                .hasMessageNotContaining(Long.toString(USER));
    }

    @Test
    void ignoresALanguageCodeThatIsNotOne() throws LaunchRefused {
        Map<String, String> f = new LinkedHashMap<>(fields());
        f.put("user", "{\"id\":5,\"language_code\":\"<script>\"}");
        assertThat(validator.validate(TestLaunches.hashed(TOKEN, f)).languageCode()).isEmpty();
    }

    private void assertRefused(String initData, Reason reason) {
        assertThatThrownBy(() -> validator.validate(initData))
                .isInstanceOfSatisfying(LaunchRefused.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
