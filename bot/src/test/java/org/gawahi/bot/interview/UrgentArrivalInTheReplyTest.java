package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.bot.fixtures.FaultyDrafts;
import org.gawahi.bot.fixtures.TestimonyDriver;
import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interview's reply says an urgent testimony arrived with the input that stored it, and
 * only then: not for an ordinary one, not for a submission that failed, not on the next input.
 */
class UrgentArrivalInTheReplyTest {
    private static final ChatRef HER = ChatRef.of(5_551_000_111L);
    private static final String SUBMIT = "r:review:submit";

    @TempDir
    static Path folder;
    static Questionnaire questionnaire;

    @TempDir
    Path data;
    private final Clock clock = Clock.systemUTC();
    private TestStorage storage;
    private FaultyDrafts drafts;
    private Interview interview;

    @BeforeAll
    static void loadQuestionnaire() {
        questionnaire = RaidQuestionnaire.load(folder);
    }

    @BeforeEach
    void open() throws Exception {
        storage = TestStorage.create(data, clock);
        drafts = new FaultyDrafts(storage.drafts);
        interview = new Interview(questionnaire, drafts, new SealedSubmissions(storage.db, storage.keys.sealer(),
                storage.pseudonyms, drafts, TestStorage.RANDOM, clock), clock);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    /** Up to the review screen, choosing each answer that makes a testimony urgent once when {@code urgent}. */
    private void answerUpToTheReview(boolean urgent) {
        Set<String> urgentAnswers = new HashSet<>();
        for (Question q : questionnaire.questions()) {
            q.options().stream().filter(Option::urgent).forEach(o -> urgentAnswers.add("a:" + q.id() + ":" + o.id()));
        }
        Set<String> pressed = new HashSet<>();
        TestimonyDriver driver = new TestimonyDriver(questionnaire, "they came at night");
        Reply reply = interview.handle(HER, "en", new Input.Start());
        for (int step = 0; reply.screen().buttons().stream().noneMatch(b -> b.id().equals(SUBMIT)); step++) {
            assertThat(step).as("steps to the review").isLessThan(500);
            assertThat(reply.afterCommit()).isEmpty();
            Optional<String> choice = urgent ? reply.screen().buttons().stream().map(Screen.Button::id)
                    .filter(urgentAnswers::contains).filter(pressed::add).findFirst() : Optional.empty();
            Screen shown = reply.screen();
            Input next = choice.<Input>map(Input.Press::new).orElseGet(() -> driver.next(shown));
            reply = interview.handle(HER, "en", next);
        }
    }

    @Test
    void anUrgentSubmissionCarriesOneUrgentArrivalAndTheNextInputNone() {
        answerUpToTheReview(true);

        Reply sent = interview.handle(HER, "en", new Input.Press(SUBMIT));

        assertThat(sent.screen().ending()).isEqualTo(Screen.Ending.SUBMITTED);
        assertThat(sent.afterCommit()).containsExactly(new AfterCommit.UrgentArrival());
        assertThat(interview.handle(HER, "en", new Input.Start()).afterCommit()).isEmpty();
    }

    @Test
    void anOrdinarySubmissionCarriesNothingAfterTheCommit() {
        answerUpToTheReview(false);

        Reply sent = interview.handle(HER, "en", new Input.Press(SUBMIT));

        assertThat(sent.screen().ending()).isEqualTo(Screen.Ending.SUBMITTED);
        assertThat(sent.afterCommit()).isEmpty();
    }

    @Test
    void aFailedUrgentSubmissionTellsNobodyAndSendingAgainTellsOnce() {
        answerUpToTheReview(true);
        drafts.failNextEraseOf(HER);

        Reply failed = interview.handle(HER, "en", new Input.Press(SUBMIT));

        assertThat(failed.screen().ending()).isEqualTo(Screen.Ending.NONE);
        assertThat(failed.afterCommit()).isEmpty();
        assertThat(new TestimonyTable(storage.db).countByStatus()).isEmpty();
        assertThat(interview.handle(HER, "en", new Input.Press(SUBMIT)).afterCommit())
                .containsExactly(new AfterCommit.UrgentArrival());
    }
}
