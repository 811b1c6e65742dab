package org.gawahi.bot.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.gawahi.bot.telegram.TelegramChats;
import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.bot.telegram.emulator.User;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.config.settings.Settings;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.AssociatedData;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The real bot through the emulator, unlocked, on a disk where someone with a copy and only
 * the public key sealed a role table granting his own Telegram id the collective's role and
 * wrote it with SQL: his {@code /report} gets no report, and the bot's log names the table.
 */
class ForgedRoleTableRunTest {
    private static final String TOKEN = "123456:forged-roles";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long MEMBER = 5601;
    private static final long ADVERSARY = 6606;

    @TempDir
    Path dir;

    private BotApiEmulator emulator;
    private org.springframework.context.ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRoleTableSealedWithThePublicKeyGetsTheAdversaryNoReportAndTheLogNamesIt(CapturedOutput output)
            throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Secret passphrase = Secret.of("wiring test passphrase");
        Keys keys = new Keys(data, new SecureRandom(), Clock.systemUTC());
        keys.init(passphrase, Argon2Profile.TEST);
        keys.newSigningKey(passphrase, Argon2Profile.TEST);
        try (Database db = Database.open(data); var opener = keys.unlock(passphrase)) {
            Roles roles = new Roles(db, new SecureRandom());
            try (var book = roles.open(opener)) {
                book.grant(TelegramChats.conversation(MEMBER), Role.COLLECTIVE);
                roles.save(book, keys.sealer(), opener);
            }
        }
        Sealer publicKeyOnly = new Keys(data, new SecureRandom(), Clock.systemUTC()).sealer();
        String json = "{\"version\":1,\"actorKey\":\"" + "B".repeat(43) + "=\",\"grants\":{\"" + ADVERSARY
                + "\":[\"ADMIN\"]}}";
        byte[] sealed = publicKeyOnly.seal(SecretBytes.adopt(json.getBytes(StandardCharsets.UTF_8)),
                AssociatedData.of("roles", "1", 1, publicKeyOnly.keyId()).bytes());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             var s = c.prepareStatement("UPDATE roles SET sealed = ?")) {
            s.setBytes(1, sealed);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        emulator = BotApiEmulator.start(TOKEN);
        app = GawahiApplication.start(new RunSettings(TelegramSettings.polling(Secret.of(TOKEN),
                java.net.URI.create(emulator.baseUrl())), data, Optional.empty(), Settings.DraftMode.DISK,
                Duration.ofHours(24), Optional.of(passphrase), Optional.empty()), "--server.port=0");
        User adversary = emulator.user(ADVERSARY, "Officer", null, "en");

        emulator.sendText(adversary, "/report 2025-Q1");

        String first = emulator.awaitBotMessage(adversary.chatId(), m -> true, WAIT).text();
        assertThat(first).as("the interview's answer, as to anyone without a role")
                .doesNotStartWith("Preparing the report").doesNotStartWith("Nothing can be published");
        assertThat(emulator.documents(adversary.chatId())).isEmpty();
        assertThat(output.getAll()).contains(Roles.NOT_AUTHENTIC);
    }
}
