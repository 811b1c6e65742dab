package org.gawahi.bot.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.gawahi.bot.fixtures.RaidQuestionnaire;
import org.gawahi.bot.interview.AfterCommit;
import org.gawahi.bot.interview.Desk;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Reply;
import org.gawahi.bot.wiring.StorePorts;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import org.gawahi.storage.roles.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The urgent notice speaks the language a moderator last used with the desk, remembered in
 * memory only: nothing about it reaches the data directory, and a restart forgets it.
 */
class UrgentNoticeLanguageTest {
    static final String ENGLISH = "An urgent testimony has arrived. Send /queue.";
    static final String HINDI = "एक ज़रूरी गवाही आई है। /queue भेजें।";
    static final ChatRef IN_HINDI = ChatRef.of(1_000_011L);
    static final ChatRef SILENT = ChatRef.of(1_000_012L);
    static final ChatRef RESPONDENT = ChatRef.of(2_000_002L);
    /** The desk behind: every input stores an urgent testimony. */
    static final Desk URGENT = (chat, lang, input) -> Reply.of(ModerationDeskTest.RESPONDENT)
            .and(new AfterCommit.UrgentArrival());

    @TempDir
    Path dir;

    private TestStorage storage;
    private Opener opener;
    private Roles roles;
    private AuditLog audit;
    private Questionnaire questionnaire;

    @BeforeEach
    void setUp() throws Exception {
        storage = TestStorage.create(dir.resolve("data"));
        opener = storage.unlock();
        roles = new Roles(storage.db, TestStorage.RANDOM);
        try (RoleBook book = roles.open(opener)) {
            book.grant(IN_HINDI.conversation(), Role.MODERATOR);
            book.grant(SILENT.conversation(), Role.MODERATOR);
            roles.save(book, storage.keys.sealer(), opener);
        }
        audit = new AuditLog(storage.db, Clock.systemUTC());
        questionnaire = RaidQuestionnaire.load(dir.resolve("q"));
    }

    @AfterEach
    void tearDown() {
        opener.close();
        storage.close();
    }

    private ModerationDesk desk() throws Exception {
        Review review = StorePorts.review(storage.db, opener, storage.keys.sealer(), Clock.systemUTC(), TestStorage.RANDOM);
        return new ModerationDesk(URGENT, questionnaire,
                Optional.of(new ModerationDesk.Unlocked(review, roles, opener, audit)));
    }

    @Test
    void aModeratorWhoWroteInHindiIsToldInHindiOneWhoNeverWroteInEnglish() throws Exception {
        ModerationDesk desk = desk();
        desk.handle(IN_HINDI, "hi", new Input.Command("queue", ""));

        assertThat(desk.handle(RESPONDENT, "en", new Input.Text("urgent")).afterCommit()).containsExactly(
                new AfterCommit.Message(IN_HINDI, HINDI), new AfterCommit.Message(SILENT, ENGLISH));
    }

    @Test
    void herLastLanguageCountsAndTheRespondentsDoesNot() throws Exception {
        ModerationDesk desk = desk();
        desk.handle(IN_HINDI, "hi-IN", new Input.Command("queue", ""));
        desk.handle(IN_HINDI, "en", new Input.Command("next", ""));

        assertThat(desk.handle(RESPONDENT, "hi", new Input.Text("urgent")).afterCommit()).containsExactly(
                new AfterCommit.Message(IN_HINDI, ENGLISH), new AfterCommit.Message(SILENT, ENGLISH));
    }

    @Test
    void herLanguageNeverReachesTheDataDirectoryAndARestartForgetsIt() throws Exception {
        ModerationDesk desk = desk();
        desk.handle(IN_HINDI, "en", new Input.Command("queue", ""));
        storage.db.checkpoint();
        Map<String, String> before = onDisk();

        desk.handle(IN_HINDI, "hi", new Input.Command("queue", ""));
        storage.db.checkpoint();

        assertThat(onDisk()).isEqualTo(before);
        assertThat(desk().handle(RESPONDENT, "en", new Input.Text("urgent")).afterCommit())
                .as("a new desk over the same data directory, as after a restart")
                .containsExactly(new AfterCommit.Message(IN_HINDI, ENGLISH), new AfterCommit.Message(SILENT, ENGLISH));
    }

    /** Every file of the data directory with its size, and every table with its row count. */
    private Map<String, String> onDisk() throws IOException {
        Map<String, String> state = new TreeMap<>();
        Path data = dir.resolve("data");
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith("-shm")).toList()) {
                state.put(data.relativize(f).toString(), Long.toString(Files.size(f)));
            }
        }
        for (String table : storage.db.strings("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            state.put("table " + table, storage.db.strings("SELECT count(*) FROM \"" + table + "\"").get(0));
        }
        return state;
    }
}
