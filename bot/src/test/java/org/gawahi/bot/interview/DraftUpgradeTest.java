package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.secret.SecretBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Drafts across an upgrade. The fixtures are the exact bytes the release before layout 3
 * wrote (layout 2), frozen before the codec changed; they must be read as they were written,
 * also once a newer layout adds a field, and a layout this version does not know is set aside,
 * never guessed at.
 */
class DraftUpgradeTest {
    @TempDir
    static Path folder;
    static Questionnaire questionnaire;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger interviewLog = (Logger) LoggerFactory.getLogger(Interview.class);

    @BeforeAll
    static void loadQuestionnaire() {
        questionnaire = RaidQuestionnaire.load(folder);
    }

    @BeforeEach
    void captureLog() {
        logged.start();
        interviewLog.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        interviewLog.detachAppender(logged);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = DraftUpgradeTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** What draft-format2-every-field.bin held when it was frozen. */
    private static void assertEveryFieldAsFrozen(Draft d) {
        assertThat(d.questionnaire).isEqualTo("raid");
        assertThat(d.version).isEqualTo(3);
        assertThat(d.language).isEqualTo("bn");
        assertThat(d.stage).isEqualTo(Draft.Stage.QUESTION);
        assertThat(d.current).isEqualTo("q7");
        assertThat(d.answers).containsExactly(Map.entry("q1", List.of("night")), Map.entry("q5", List.of("2025-03")),
                Map.entry("q9", List.of("slapped", "dragged", Draft.SKIP)));
        assertThat(d.texts).containsExactly(Map.entry("q12", "তারা রাতে এসেছিল, দরজা ভেঙে — \"two vans\"\n😢"));
        assertThat(d.history).containsExactly("q1", "q5", "q9", "q12");
        assertThat(d.pending).containsExactly("kicked", "phone_taken");
        assertThat(d.pendingYear).isEqualTo(2024);
        assertThat(d.editing).isTrue();
        assertThat(d.returnStage).isEqualTo(Draft.Stage.REVIEW);
    }

    @Test
    void aDraftFrozenFromTheLastReleaseIsReadFieldByField() throws IOException {
        byte[] frozen = fixture("draft-format2-every-field.bin");
        assertThat(frozen[0]).isEqualTo((byte) 2).isNotEqualTo(DraftFormats.NEWEST);

        assertEveryFieldAsFrozen(new DraftCodec().decode(SecretBytes.copyOf(frozen)).orElseThrow());
    }

    @Test
    void aFrozenDraftIsStillReadAfterANewerFormatAddsAField() throws IOException {
        DraftCodec withAFieldAdded = new DraftCodec(withFormat4());
        byte[] frozen = fixture("draft-format2-every-field.bin");

        Draft d = withAFieldAdded.decode(SecretBytes.copyOf(frozen)).orElseThrow();
        assertEveryFieldAsFrozen(d);

        byte[] rewritten = withAFieldAdded.encode(d).bytes();
        assertThat(rewritten[0]).as("the newest format is written").isEqualTo(Format4.TAG);
        assertEveryFieldAsFrozen(withAFieldAdded.decode(SecretBytes.copyOf(rewritten)).orElseThrow());
    }

    @Test
    void aConversationPausedBeforeTheUpgradeCarriesOnWhereSheLeftIt() throws IOException {
        Conversation c = Conversation.over(questionnaire)
                .withStoredDraft(fixture("draft-format2-paused-at-q6.bin"));

        c.start();
        assertThat(c.text()).isEqualTo(questionnaire.texts("hi").message("resume_prompt"));
        c.carryOn();
        assertThat(c.currentQuestion()).isEqualTo("q6");
        String ticked = questionnaire.texts("hi").message("selected_mark") + " ";
        assertThat(c.label("a:q6:ngo")).hasValue(ticked + questionnaire.texts("hi").optionLabel("q6", "ngo"));
        assertThat(c.label("a:q6:local_police")).hasValue(ticked + questionnaire.texts("hi").optionLabel("q6", "local_police"));
        assertThat(c.storedDraft().orElseThrow()[0]).as("saved again in the newest format").isEqualTo(DraftFormats.NEWEST);

        c.done();
        assertThat(c.text()).as("she was changing an answer: back to the review")
                .startsWith(questionnaire.texts("hi").message("review_title"));
        c.submit();
        assertThat(c.onlySubmission().answers().get("q6")).containsExactlyInAnyOrder("local_police", "ngo");
        assertThat(c.onlySubmission().texts()).containsEntry("q29", "The police came at night.");
        assertThat(logged.list).isEmpty();
    }

    @Test
    void aDraftOfAnUnknownLaterFormatIsSetAsideAndSheStartsAgain() throws IOException {
        DraftCodec later = new DraftCodec(withFormat4());
        Draft paused = new DraftCodec().decode(SecretBytes.copyOf(fixture("draft-format2-paused-at-q6.bin"))).orElseThrow();
        byte[] fromALaterRelease = later.encode(paused).bytes();

        assertThat(new DraftCodec().read(SecretBytes.copyOf(fromALaterRelease)))
                .isEqualTo(new DraftCodec.Decoded.UnknownFormat(Format4.TAG));

        Conversation c = Conversation.over(questionnaire).withStoredDraft(fromALaterRelease);
        c.start();
        assertThat(c.buttonIds()).as("the language prompt of a new conversation").allMatch(id -> id.startsWith("l:lang:"));
        assertThat(c.draft().orElseThrow().answers).isEmpty();
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).isEqualTo("a draft in format 4, unknown to this version, was set aside");
            assertThat(line.getFormattedMessage()).doesNotContain("q6", "ngo", "police", "night", "4242");
        });
    }

    @Test
    void twoFormatsCannotClaimTheSameByte() {
        List<DraftFormat> formats = new ArrayList<>(DraftFormats.released());
        formats.add(new DraftFormats.Binary3());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DraftCodec(formats))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<DraftFormat> withFormat4() {
        List<DraftFormat> formats = new ArrayList<>(DraftFormats.released());
        formats.add(new Format4());
        return formats;
    }

    /**
     * A layout a later release might add (test-only): layout 3 and one field after it. Which
     * field does not matter here; a marker string, checked on reading, stands for it.
     */
    static final class Format4 implements DraftFormat {
        static final byte TAG = 4;
        static final String ADDED_FIELD = "a field added in format 4";

        @Override
        public byte tag() {
            return TAG;
        }

        @Override
        public Draft read(byte[] raw) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw));
            DraftFields.tag(in, TAG);
            Draft d = DraftFields.read(in);
            if (!ADDED_FIELD.equals(DraftFields.string(in))) {
                throw new IOException("the added field is missing");
            }
            return DraftFields.whole(d, in);
        }

        @Override
        public void write(Draft draft, DataOutputStream out) throws IOException {
            out.writeByte(TAG);
            DraftFields.write(draft, out);
            DraftFields.string(out, ADDED_FIELD);
        }
    }
}
