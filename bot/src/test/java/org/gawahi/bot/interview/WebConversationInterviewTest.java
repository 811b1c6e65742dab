package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.gawahi.bot.fixtures.RaidQuestionnaire;
import org.gawahi.bot.fixtures.TestimonyDriver;
import org.gawahi.bot.telegram.TelegramChats;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same interview, on the sealed stores, for a person who is not on Telegram: a web
 * conversation gets a draft, a submission and a receipt without anyone inventing a Telegram id,
 * and its draft row is its own, apart from the Telegram chat whose bytes it happens to share.
 */
class WebConversationInterviewTest {
    private static final ChatRef TELEGRAM_CHAT = TelegramChats.ref(555_000_111L);
    private static final ChatRef WEB = ChatRef.of(ConversationId.of("web", TELEGRAM_CHAT.conversation().bytes()));

    @TempDir
    Path data;

    @TempDir
    Path questionnaireDir;

    @Test
    void aWebConversationIsInterviewedToAReceiptBesideATelegramChatWithTheSameBytes() throws Exception {
        Questionnaire questionnaire = RaidQuestionnaire.load(questionnaireDir);
        try (TestStorage storage = TestStorage.create(data)) {
            Interview interview = new Interview(questionnaire, storage.drafts, storage.submissions, Clock.systemUTC());
            new TestimonyDriver(questionnaire, "telegram's answer").run(interview, TELEGRAM_CHAT, 3);

            Screen done = new TestimonyDriver(questionnaire, "web's answer").complete(interview, WEB);
            ReceiptCode receipt = ReceiptCode.parse(done.receipt().orElseThrow()).orElseThrow();

            assertThat(storage.submissions.status(receipt)).contains(TestimonyStatus.PENDING);
            assertThat(storage.drafts.load(WEB)).isEmpty();
            assertThat(storage.drafts.load(TELEGRAM_CHAT)).isPresent();

            new TestimonyDriver(questionnaire, "web's second answer").run(interview, WEB, 3);
            assertThat(storage.drafts.count()).isEqualTo(2);
            assertThat(storage.drafts.load(WEB)).isPresent();
            assertThat(storage.cipher.rowName(WEB.conversation()))
                    .isNotEqualTo(storage.cipher.rowName(TELEGRAM_CHAT.conversation()));
        }
    }
}
