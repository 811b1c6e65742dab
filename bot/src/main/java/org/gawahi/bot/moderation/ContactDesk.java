package org.gawahi.bot.moderation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gawahi.bot.interview.AfterCommit;
import org.gawahi.bot.interview.Input;
import org.gawahi.config.questionnaire.DeskTexts;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;
import org.gawahi.storage.contact.ContactHandle;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.crypto.CannotOpenException;

/**
 * The desk's side of contact back: which moderators are writing a message and to which
 * testimony (in memory, forgotten on restart: a choice mid-way, not an answer), and the message
 * due to a respondent's chat after the commit, under the questionnaire's line in her language,
 * handed back with the outcome rather than kept.
 */
final class ContactDesk {
    /** The note under a testimony whose respondent asked for a message back. */
    static String note(DeskTexts words) {
        return words.message("contact_note");
    }

    /** What the moderator is asked once she pressed "Contact her". */
    static String ask(DeskTexts words) {
        return words.message("contact_ask", "max", ContactBack.MAX_MESSAGE);
    }

    /** What became of the moderator's input while writing, and the message to send her after the commit. */
    record Written(Outcome outcome, Optional<AfterCommit.Message> message) {
    }

    private final Questionnaire questionnaire;
    private final Map<ConversationId, String> writing = new ConcurrentHashMap<>();

    ContactDesk(Questionnaire questionnaire) {
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
    }

    boolean isWriting(ConversationId user) {
        return writing.containsKey(user);
    }

    /** The testimony this moderator was writing to, which she stops writing to. */
    Optional<String> take(ConversationId user) {
        return Optional.ofNullable(writing.remove(user));
    }

    /** DONE when her next text is the message; otherwise why not (refused and audited). */
    Outcome ask(ContactBack contact, String actor, ConversationId user, String testimonyId) {
        Outcome outcome = contact.begin(actor, testimonyId);
        if (outcome == Outcome.DONE) {
            writing.put(user, testimonyId);
        }
        return outcome;
    }

    /**
     * The moderator's input while writing: sent (with the message to her chat, for after the
     * commit), refused, or bad input, after which she is still writing and nothing is lost.
     */
    Written write(ContactBack contact, String actor, ConversationId user, String testimonyId, Input input)
            throws CannotOpenException {
        if (!(input instanceof Input.Text text)) {
            writing.put(user, testimonyId);
            return new Written(Outcome.CONTACT_NOT_TEXT, Optional.empty());
        }
        ContactBack.Sending sending = contact.send(actor, testimonyId, text.text());
        if (sending.outcome() == Outcome.CONTACT_EMPTY || sending.outcome() == Outcome.CONTACT_TOO_LONG) {
            writing.put(user, testimonyId);
        }
        return new Written(sending.outcome(),
                sending.to().map(h -> new AfterCommit.Message(h.chat(), toRespondent(h, text.text()))));
    }

    private String toRespondent(ContactHandle handle, String message) {
        String language = questionnaire.supports(handle.language()) ? handle.language() : questionnaire.defaultLanguage();
        Texts texts = questionnaire.texts(language);
        return texts.hasMessage(Questionnaire.CONTACT_MESSAGE)
                ? texts.message(Questionnaire.CONTACT_MESSAGE) + "\n\n" + message.strip() : message.strip();
    }
}
