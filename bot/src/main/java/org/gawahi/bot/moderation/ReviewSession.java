package org.gawahi.bot.moderation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gawahi.bot.buttons.ButtonCodec;
import org.gawahi.bot.buttons.ButtonData;
import org.gawahi.bot.interview.AfterCommit;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Screen;
import org.gawahi.config.questionnaire.DeskTexts;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.events.EventTable;

/**
 * One input of one moderator who passed the role check: the review screens (the queue, a
 * testimony, its choices) and what each button does. What it remembers between inputs is the
 * desk's (skipped testimonies, a redaction or a message back waiting for its text); what the
 * input causes after the commit it hands back in {@link #afterCommit()}.
 */
final class ReviewSession {
    static final int MAX_TEXT = 4000;
    private static final java.util.regex.Pattern TESTIMONY_ID = java.util.regex.Pattern.compile("[0-9a-f]{32}");

    /** A redaction asked for, waiting for the moderator's text. */
    record PendingRedaction(String testimonyId, String questionId) {
    }

    private final Review review;
    private final String actor;
    private final ConversationId user;
    private final String language;
    private final DeskTexts words;
    private final TestimonyRenderer renderer;
    private final ContactDesk contacts;
    private final Map<ConversationId, Set<String>> skipped;
    private final Map<ConversationId, PendingRedaction> redactions;
    private final List<AfterCommit> afterCommit = new ArrayList<>();

    ReviewSession(Review review, String actor, ConversationId user, String language, DeskTexts words,
              TestimonyRenderer renderer, ContactDesk contacts, Map<ConversationId, Set<String>> skipped,
              Map<ConversationId, PendingRedaction> redactions) {
    this.review = review;
    this.actor = actor;
    this.user = user;
    this.language = language;
    this.words = words;
    this.renderer = renderer;
    this.contacts = contacts;
    this.skipped = skipped;
    this.redactions = redactions;
    }

    /** What this input causes after the commit: a moderator's message to a respondent. */
    List<AfterCommit> afterCommit() {
    return List.copyOf(afterCommit);
    }

    Screen on(Input input) throws CannotOpenException {
        PendingRedaction pending = redactions.remove(user);
        Optional<String> writingTo = contacts.take(user);
        if (writingTo.isPresent() && (input instanceof Input.Text || input instanceof Input.Unsupported)) {
            ContactDesk.Written written = contacts.write(review.contact(), actor, user, writingTo.get(), input);
            written.message().ifPresent(afterCommit::add);
            Outcome outcome = written.outcome();
            boolean over = outcome == Outcome.CONTACT_SENT || outcome == Outcome.CONTACT_GONE;
            return over ? show(writingTo.get(), sentenceOf(outcome)) : plain(sentenceOf(outcome));
        }
        if (input instanceof Input.Unsupported && pending != null) {
            redactions.put(user, pending);
            return plain(words.message("redact_text_only"));
        }
        if (input instanceof Input.Text text && pending != null) {
            Outcome outcome = review.redact(actor, pending.testimonyId(), pending.questionId(), text.text());
            if (outcome == Outcome.REDACTION_TOO_LONG || outcome == Outcome.REDACTION_EMPTY) {
                redactions.put(user, pending);
                return plain(sentenceOf(outcome) + " " + words.message("send_again"));
            }
            return show(pending.testimonyId(), sentenceOf(outcome));
        }
        if (input instanceof Input.Command c) {
            return c.name().equals("queue") ? queue() : next("");
        }
        ButtonData button = ButtonCodec.decode(((Input.Press) input).buttonId()).orElseThrow();
        List<String> args = button.arguments();
        String id = button.subject();
        Optional<DeskAction> action = DeskAction.of(button);
        boolean wellFormed = action.isPresent() && (args.isEmpty() ? action.get() == DeskAction.NEXT
                : TESTIMONY_ID.matcher(id).matches() && args.size() <= 2);
        if (!wellFormed) {
            return plain(words.message("stale"));
        }
        String first = args.size() == 2 ? args.get(0) : "";
        return switch (action.get()) {
            case NEXT -> next("");
            case APPROVE -> after(review.approve(actor, id));
            case REJECT -> reasons(id);
            case REJECT_FOR -> reason(first).map(r -> review.reject(actor, id, r)).map(this::sentenceOf)
                    .map(this::nextQuietly).orElse(plain(words.message("stale")));
            case BACK -> show(id, "");
            case URGENT -> show(id, sentenceOf(review.flagUrgent(actor, id)));
            case REDACT -> redactChoice(id);
            case REDACT_QUESTION -> askRedaction(id, first.isEmpty() ? -1 : index(first));
            case LINK -> events(id);
            case LINK_NEW -> show(id, sentenceOf(review.link(actor, id, review.startEvent(actor))));
            case LINK_TO -> show(id, sentenceOf(first.length() == 16 ? linkByPrefix(id, first) : Outcome.NO_SUCH_EVENT));
            case CONTACT -> {
                Outcome outcome = contacts.ask(review.contact(), actor, user, id);
                yield outcome == Outcome.DONE ? plain(ContactDesk.ask(words)) : show(id, sentenceOf(outcome));
            }
            case CLOSE -> confirmClose(id);
            case CLOSE_CONFIRMED -> show(id, sentenceOf(review.contact().close(actor, id)));
            case SKIP -> {
                skipped.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(id);
                yield next("");
            }
        };
    }

    private Screen queue() {
        String key = review.keyFingerprint().map(f -> "\n\n" + words.message("key_fingerprint", "fingerprint", f.grouped()))
                .orElse("");
        return new Screen(review.queue().describe(words) + "\n\n" + words.message("review_chat_cost") + key,
                List.of(List.of(button(words.message("button_next"), DeskAction.NEXT.data()))), false,
                Optional.empty(), Screen.Ending.NONE);
    }

    private Screen next(String notice) throws CannotOpenException {
        Set<String> skip = skipped.getOrDefault(user, new HashSet<>());
        Optional<OpenedTestimony> t = review.next(actor, skip);
        return t.isEmpty() ? plain(join(notice, words.message("queue_empty"))) : testimony(t.get(), notice);
    }

    private String sentenceOf(Outcome outcome) {
        return outcome.sentence(words);
    }

    private Screen nextQuietly(String notice) {
        try {
            return next(notice);
        } catch (CannotOpenException e) {
            return plain(join(notice, words.message("next_did_not_open")));
        }
    }

    private Optional<RejectReason> reason(String index) {
        int i = index.isEmpty() ? -1 : index(index);
        return i >= 0 && i < RejectReason.values().length ? Optional.of(RejectReason.values()[i]) : Optional.empty();
    }

    private Screen after(Outcome outcome) throws CannotOpenException {
        return next(sentenceOf(outcome));
    }

    private Screen show(String id, String notice) throws CannotOpenException {
        Optional<OpenedTestimony> t = review.open(actor, id);
        return t.isEmpty() ? next(join(notice, sentenceOf(Outcome.GONE))) : testimony(t.get(), notice);
    }

    private Screen testimony(OpenedTestimony t, String notice) {
        String id = t.id();
        List<List<Screen.Button>> rows = new ArrayList<>(List.of(
                List.of(button(words.message("button_approve"), DeskAction.APPROVE.data(id)),
                        button(words.message("button_reject"), DeskAction.REJECT.data(id))),
                List.of(button(words.message("button_urgent"), DeskAction.URGENT.data(id)),
                        button(words.message("button_redact"), DeskAction.REDACT.data(id))),
                List.of(button(words.message("button_link"), DeskAction.LINK.data(id)),
                        button(words.message("button_skip"), DeskAction.SKIP.data(id)))));
        String tail = "\n\n" + words.message("mask_note");
        if (review.contact().available(id)) {
            rows.add(List.of(button(words.message("button_contact"), DeskAction.CONTACT.data(id)),
                    button(words.message("button_close"), DeskAction.CLOSE.data(id))));
            tail += "\n\n" + ContactDesk.note(words);
        }
        String tooLong = "\n" + words.message("too_long");
        String body = renderer.render(t, language, words);
        // The notice and the notes must fit beside the body in one message.
        int room = MAX_TEXT - tail.length() - (notice.isEmpty() ? 0 : notice.length() + 2) - tooLong.length();
        if (body.length() > room) {
            body = body.substring(0, Math.max(0, room)) + tooLong;
        }
        return new Screen(join(notice, body + tail), rows, false, Optional.empty(), Screen.Ending.NONE);
    }

    /** Closing erases the only way to reach her, for good: one more press, with a way back. */
    private Screen confirmClose(String id) {
        return new Screen(words.message("confirm_close"), List.of(List.of(
                button(words.message("button_close_yes"), DeskAction.CLOSE_CONFIRMED.data(id)),
                button(words.message("button_back"), DeskAction.BACK.data(id)))), false, Optional.empty(), Screen.Ending.NONE);
    }

    private Screen reasons(String id) {
        List<List<Screen.Button>> rows = new ArrayList<>();
        RejectReason[] all = RejectReason.values();
        for (int i = 0; i < all.length; i++) {
            rows.add(List.of(button(all[i].label(words), DeskAction.REJECT_FOR.data(Integer.toString(i), id))));
        }
        rows.add(List.of(button(words.message("button_back"), DeskAction.BACK.data(id))));
        return new Screen(words.message("reject_question"), rows, false, Optional.empty(), Screen.Ending.NONE);
    }

    private Screen redactChoice(String id) throws CannotOpenException {
        Optional<OpenedTestimony> t = review.open(actor, id);
        if (t.isEmpty()) {
            return next(sentenceOf(Outcome.GONE));
        }
        List<String> questions = renderer.textQuestions(t.get());
        if (questions.isEmpty()) {
            return show(id, words.message("redact_nothing"));
        }
        List<List<Screen.Button>> rows = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            rows.add(List.of(button(renderer.questionLabel(questions.get(i), language), DeskAction.REDACT_QUESTION.data(Integer.toString(i), id))));
        }
        return new Screen(words.message("redact_question"), rows, false, Optional.empty(), Screen.Ending.NONE);
    }

    private Screen askRedaction(String id, int index) throws CannotOpenException {
        Optional<OpenedTestimony> t = review.open(actor, id);
        if (t.isEmpty()) {
            return next(sentenceOf(Outcome.GONE));
        }
        List<String> questions = renderer.textQuestions(t.get());
        if (index < 0 || index >= questions.size()) {
            return show(id, words.message("stale_short"));
        }
        String question = questions.get(index);
        redactions.put(user, new PendingRedaction(id, question));
        return plain(words.message("redact_ask") + "\n\n" + t.get().content().texts().get(question));
    }

    private Screen events(String id) {
        List<List<Screen.Button>> rows = new ArrayList<>();
        for (EventTable.Event e : review.recentEvents()) {
            rows.add(List.of(button(words.message("button_raid", Map.of("event", e.id().substring(0, 8),
                    "day", String.valueOf(e.createdDay()), "count", String.valueOf(e.testimonies()))),
                    DeskAction.LINK_TO.data(e.id().substring(0, 16), id))));
        }
        rows.add(List.of(button(words.message("button_new_raid"), DeskAction.LINK_NEW.data(id))));
        return new Screen(words.message("link_question"), rows, false, Optional.empty(), Screen.Ending.NONE);
    }

    private Outcome linkByPrefix(String id, String prefix) {
        return review.recentEvents().stream().filter(e -> e.id().startsWith(prefix)).findFirst()
                .map(e -> review.link(actor, id, e.id())).orElse(Outcome.NO_SUCH_EVENT);
    }

    private static int index(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String join(String notice, String text) {
        return notice.isEmpty() ? text : notice + "\n\n" + text;
    }

    private static Screen.Button button(String label, String data) {
        return new Screen.Button(data, label);
    }

    static Screen plain(String text) {
        return new Screen(text, List.of(), false, Optional.empty(), Screen.Ending.NONE);
    }
}
