package org.gawahi.bot.telegram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.gawahi.bot.interview.LanguageGuess;
import org.gawahi.bot.interview.Screen;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.drafts.ChatRef;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * One update in, what to show out. Runs inside the caller's transaction: the engine's draft
 * and submission writes join it, each a unit of its own (a savepoint) that a failure undoes
 * whole, and the replies it returns are sent only after the commit.
 */
final class UpdateProcessor {
    static final List<String> MESSAGES = List.of("group_chat", "edited_ignored", "quick_exit");
    /** Groups already told; bounded, and forgotten on restart (a second line then is harmless). */
    private static final int MAX_GROUPS_REMEMBERED = 10_000;

    /** One reply for one chat; prints no id and no text. */
    record Reply(ChatRef chat, ChatAction action, Optional<java.time.Duration> expiresAfter) {
        Reply(ChatRef chat, ChatAction action) {
            this(chat, action, Optional.empty());
        }

        @Override
        public String toString() {
            return "Reply[" + action + "]";
        }
    }

    /** What an update asks for: replies to send and a callback query to answer. */
    record Processed(List<Reply> replies, Optional<String> callbackQueryId) {
        static final Processed NOTHING = new Processed(List.of(), Optional.empty());

        Processed {
            replies = List.copyOf(replies);
        }
    }

    private final UpdateMapper mapper;
    private final Engine engine;
    private final Questionnaire questionnaire;
    private final Set<ChatRef> groupsTold = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ChatRef, Boolean> eldest) {
            return size() > MAX_GROUPS_REMEMBERED;
        }
    });

    UpdateProcessor(UpdateMapper mapper, Engine engine, Questionnaire questionnaire) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        questionnaire.requireMessages(MESSAGES);
    }

    Processed process(Update update) {
        Inbound inbound = mapper.map(update);
        Optional<String> callback = inbound.callbackQueryId();
        if (inbound instanceof Inbound.ToEngine in) {
            Screen screen = engine.handle(in.chat(), in.languageCode(), in.input());
            List<Integer> own = in.personMessageId().isPresent() ? List.of(in.personMessageId().getAsInt()) : List.of();
            List<Reply> replies = new java.util.ArrayList<>();
            replies.add(new Reply(in.chat(), new ChatAction.Show(screen, in.pressedMessageId(), own),
                    engine.expiresAfter(in.chat())));
            engine.report(in.chat()).ifPresent(job ->
                    replies.add(new Reply(in.chat(), new ChatAction.Documents(job))));
            engine.notices().forEach((chatId, text) ->
                    replies.add(new Reply(TelegramChats.ref(chatId), new ChatAction.Notice(text, List.of()))));
            return new Processed(replies, callback);
        }
        if (inbound instanceof Inbound.Edited edited) {
            return one(edited.chat(), new ChatAction.Notice(message(edited.languageCode(), "edited_ignored"), List.of()),
                    callback);
        }
        if (inbound instanceof Inbound.ClearChat clear) {
            return one(clear.chat(), new ChatAction.ClearChat(clear.pressedMessageId(),
                    message(clear.languageCode(), "quick_exit")), callback);
        }
        if (inbound instanceof Inbound.GroupCommand group) {
            boolean first;
            synchronized (groupsTold) {
                first = groupsTold.add(group.group());
            }
            return first ? one(group.group(), new ChatAction.GroupReply(message(group.languageCode(), "group_chat")),
                    callback) : new Processed(List.of(), callback);
        }
        return new Processed(List.of(), callback);
    }

    private static Processed one(ChatRef chat, ChatAction action, Optional<String> callback) {
        return new Processed(List.of(new Reply(chat, action)), callback);
    }

    private String message(String languageCode, String key) {
        return questionnaire.texts(LanguageGuess.guess(questionnaire, languageCode)).message(key);
    }
}
