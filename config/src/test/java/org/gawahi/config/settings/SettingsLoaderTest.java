package org.gawahi.config.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsLoaderTest {
    private static final String TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345";

    @Test
    void emptyEnvironmentGivesSafeDefaults() {
        Settings s = SettingsLoader.fromEnvironment(Map.of());
        assertThat(s.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(s.drafts()).isEqualTo(Settings.DraftMode.DISK);
        assertThat(s.draftTimeToLive()).isEqualTo(Duration.ofHours(24));
        assertThat(s.telegram().mode()).isEqualTo(Settings.Mode.POLLING);
        assertThat(s.telegram().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(s.telegram().apiUrl().toString()).isEqualTo("https://api.telegram.org");
        assertThat(s.telegram().token()).isEmpty();
        assertThat(s.keyFingerprint()).isEmpty();
    }

    @Test
    void thePinnedFingerprintIsReadAsPrintedWithOrWithoutSpacesOrDashes() {
        KeyFingerprint printed = new KeyFingerprint("123450678901234567890123456789");
        assertThat(printed.grouped()).isEqualTo("12345 06789 01234 56789 01234 56789");
        for (String typed : new String[] {printed.grouped(), "12345-06789-01234-56789-01234-56789",
                "123450678901234567890123456789", "  12345 - 06789 - 01234 - 56789 - 01234 - 56789 "}) {
            assertThat(SettingsLoader.fromEnvironment(Map.of("GAWAHI_KEY_FINGERPRINT", typed)).keyFingerprint())
                    .as(typed).contains(printed);
            assertThat(SettingsLoader.keyFingerprint(Map.of("GAWAHI_KEY_FINGERPRINT", typed))).contains(printed);
        }
    }

    @Test
    void aMistypedPinIsRefusedRatherThanIgnored() {
        for (String typed : new String[] {"12345 06789 01234 56789 01234 5678", "12345 06789 01234 56789 01234 567890",
                "0123456789abcdef", "12345 O6789 01234 56789 01234 56789"}) {
            assertThatThrownBy(() -> SettingsLoader.fromEnvironment(Map.of("GAWAHI_KEY_FINGERPRINT", typed)))
                    .as(typed).isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                            .singleElement().asString().startsWith("GAWAHI_KEY_FINGERPRINT").contains("30 digits"));
            assertThatThrownBy(() -> SettingsLoader.keyFingerprint(Map.of("GAWAHI_KEY_FINGERPRINT", typed)))
                    .isInstanceOf(SettingsException.class);
        }
    }

    @Test
    void readsEveryVariable() {
        Settings s = SettingsLoader.fromEnvironment(Map.of(
                "GAWAHI_DATA_DIR", "/srv/gawahi", "GAWAHI_DRAFTS", "memory", "GAWAHI_DRAFT_TTL", "2h",
                "GAWAHI_TELEGRAM_TOKEN", TOKEN, "GAWAHI_TELEGRAM_API_URL", "http://127.0.0.1:9000",
                "GAWAHI_MODE", "webhook", "GAWAHI_WEBHOOK_URL", "https://bot.example.org/tg",
                "GAWAHI_WEBHOOK_SECRET", "s3cret_-x", "GAWAHI_PORT", "9443"));
        assertThat(s.dataDirectory()).isEqualTo(Path.of("/srv/gawahi"));
        assertThat(s.drafts()).isEqualTo(Settings.DraftMode.MEMORY);
        assertThat(s.draftTimeToLive()).isEqualTo(Duration.ofHours(2));
        assertThat(s.telegram().token()).get().extracting(t -> t.reveal()).isEqualTo(TOKEN);
        assertThat(s.telegram().mode()).isEqualTo(Settings.Mode.WEBHOOK);
        assertThat(s.telegram().port()).isEqualTo(9443);
    }

    @Test
    void printingTheSettingsShowsNoSecret() {
        Settings s = SettingsLoader.fromEnvironment(Map.of("GAWAHI_TELEGRAM_TOKEN", TOKEN,
                "GAWAHI_MODE", "webhook", "GAWAHI_WEBHOOK_URL", "https://bot.example.org/tg",
                "GAWAHI_WEBHOOK_SECRET", "verysecretvalue"));
        assertThat(s.toString()).doesNotContain(TOKEN).doesNotContain("verysecretvalue").contains("[REDACTED]");
    }

    @Test
    void reportsEveryBrokenValueAtOnceNamingTheVariable() {
        assertThatThrownBy(() -> SettingsLoader.fromEnvironment(Map.of(
                "GAWAHI_DRAFTS", "cloud", "GAWAHI_DRAFT_TTL", "forever", "GAWAHI_MODE", "push",
                "GAWAHI_PORT", "99999", "GAWAHI_TELEGRAM_API_URL", "ftp://x", "GAWAHI_TELEGRAM_TOKEN", "oops")))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .hasSize(6)
                        .anySatisfy(p -> assertThat(p).startsWith("GAWAHI_DRAFTS"))
                        .anySatisfy(p -> assertThat(p).startsWith("GAWAHI_DRAFT_TTL"))
                        .anySatisfy(p -> assertThat(p).startsWith("GAWAHI_MODE"))
                        .anySatisfy(p -> assertThat(p).startsWith("GAWAHI_PORT"))
                        .anySatisfy(p -> assertThat(p).startsWith("GAWAHI_TELEGRAM_API_URL"))
                        .anySatisfy(p -> assertThat(p).startsWith("GAWAHI_TELEGRAM_TOKEN").doesNotContain("oops")));
    }

    @Test
    void webhookModeNeedsAnHttpsUrlAndAValidSecretIfOneIsGiven() {
        assertThatThrownBy(() -> SettingsLoader.fromEnvironment(Map.of("GAWAHI_MODE", "webhook",
                "GAWAHI_WEBHOOK_URL", "http://plain.example.org", "GAWAHI_WEBHOOK_SECRET", "has spaces")))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("GAWAHI_WEBHOOK_URL").contains("https"))
                        .anySatisfy(p -> assertThat(p).contains("GAWAHI_WEBHOOK_SECRET")));
        assertThat(SettingsLoader.fromEnvironment(Map.of("GAWAHI_MODE", "webhook",
                "GAWAHI_WEBHOOK_URL", "https://bot.example.org/tg")).telegram().webhookSecret()).isEmpty();
    }

    @Test
    void draftLifetimeStaysBetweenFiveMinutesAndSevenDays() {
        assertThatThrownBy(() -> SettingsLoader.fromEnvironment(Map.of("GAWAHI_DRAFT_TTL", "1m")))
                .hasMessageContaining("between 5m and 7d");
        assertThatThrownBy(() -> SettingsLoader.fromEnvironment(Map.of("GAWAHI_DRAFT_TTL", "30d")))
                .hasMessageContaining("between 5m and 7d");
        assertThat(SettingsLoader.fromEnvironment(Map.of("GAWAHI_DRAFT_TTL", "7d")).draftTimeToLive())
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void withoutAPublicUrlThereIsNoForm() {
        assertThat(SettingsLoader.fromEnvironment(Map.of()).publicUrl()).isEmpty();
    }

    @Test
    void thePublicUrlIsReadWithoutItsTrailingSlash() {
        assertThat(SettingsLoader.fromEnvironment(Map.of("GAWAHI_PUBLIC_URL", "https://gawahi.example.org/"))
                .publicUrl()).hasValue(java.net.URI.create("https://gawahi.example.org"));
        assertThat(SettingsLoader.fromEnvironment(Map.of("GAWAHI_PUBLIC_URL", "https://example.org/gawahi"))
                .publicUrl()).hasValue(java.net.URI.create("https://example.org/gawahi"));
    }

    @Test
    void aPublicUrlThatIsNotPlainHttpsStopsTheStartNamingTheVariable() {
        for (String bad : new String[] {"http://gawahi.example.org", "gawahi.example.org", "https://",
                "https://gawahi.example.org/?a=1", "https://gawahi.example.org/#x", "https://me@gawahi.example.org",
                "https://exa mple.org"}) {
            assertThatThrownBy(() -> SettingsLoader.fromEnvironment(Map.of("GAWAHI_PUBLIC_URL", bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                            .singleElement().satisfies(p -> assertThat(p).startsWith("GAWAHI_PUBLIC_URL")
                                    .contains("https://")));
        }
    }
}
