package org.gawahi.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.gawahi.bot.interview.Screen;
import org.gawahi.bot.reports.ReportFile;
import org.gawahi.bot.reports.ReportJob;

/**
 * Turns one {@link ChatAction} into Bot API calls on one chat, so that the phone holds as
 * little as possible: one message per question, edited in place when she pressed a button on
 * it; a new one (and the old one deleted) when she typed; after a submission every message of
 * the conversation deleted and only the receipt left, with a ✓ that deletes it too; after a
 * quick exit, or when she erased her answers, everything deleted and one line left.
 */
final class Presenter {
    /** The ✓ under a receipt; handled by the adapter, never by the engine. */
    static final String CLEAR_DATA = "z:clear:now";
    static final String CLEAR_LABEL = "✓";

    private final ReliableCalls calls;

    Presenter(ReliableCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    void present(long chatId, Conversation conversation, ChatAction action) throws InterruptedException {
        conversation.trackAll(action.personMessageIds());
        if (action instanceof ChatAction.Show show) {
            show(chatId, conversation, show);
        } else if (action instanceof ChatAction.Notice notice) {
            calls.send(chatId, notice.text(), List.of()).ifPresent(conversation::track);
        } else if (action instanceof ChatAction.ClearChat clear) {
            // Only the receipt: the rest went when it was sent, and a new conversation may have begun since.
            conversation.forget(clear.pressedMessageId());
            calls.delete(chatId, List.of(clear.pressedMessageId()));
            calls.send(chatId, clear.line(), List.of()).ifPresent(conversation::track);
        } else if (action instanceof ChatAction.Expire) {
            scrub(chatId, conversation, OptionalInt.empty());
        } else if (action instanceof ChatAction.Documents documents) {
            deliver(chatId, conversation, documents.job().make());
        } else if (action instanceof ChatAction.GroupReply reply) {
            calls.send(chatId, reply.text(), List.of());
        }
    }

    /**
     * The files one by one, then the closing line. The documents are what she asked for, so
     * they are not tracked with the conversation: nothing the bot deletes later takes them.
     */
    private void deliver(long chatId, Conversation conversation, ReportJob.Delivery delivery)
            throws InterruptedException {
        for (ReportFile file : delivery.files()) {
            calls.sendDocument(chatId, file.name(), file.content(), "");
        }
        calls.send(chatId, delivery.text(), List.of()).ifPresent(conversation::track);
    }

    private void show(long chatId, Conversation conversation, ChatAction.Show show) throws InterruptedException {
        Screen screen = show.screen();
        switch (screen.ending()) {
            case SUBMITTED -> {
                scrub(chatId, conversation, show.pressedMessageId());
                // The receipt stays until she has noted it and pressed ✓. It is tracked, but not the
                // screen: typing /start next must not delete it before she has written it down.
                List<List<Screen.Button>> keyboard = List.of(List.of(new Screen.Button(CLEAR_DATA, CLEAR_LABEL)));
                calls.send(chatId, screen.text(), keyboard).ifPresent(conversation::track);
            }
            case QUICK_EXIT, ERASED -> {
                scrub(chatId, conversation, show.pressedMessageId());
                calls.send(chatId, screen.text(), List.of()).ifPresent(conversation::track);
            }
            default -> replaceScreen(chatId, conversation, show);
        }
    }

    private void replaceScreen(long chatId, Conversation conversation, ChatAction.Show show)
            throws InterruptedException {
        Screen screen = show.screen();
        OptionalInt current = conversation.screen();
        OptionalInt pressed = show.pressedMessageId();
        // After a restart the list is gone: a press is then taken to be on the screen she sees.
        if (pressed.isPresent() && (current.isEmpty() || current.getAsInt() == pressed.getAsInt())) {
            ReliableCalls.Edit edit = calls.edit(chatId, pressed.getAsInt(), screen.text(), screen.keyboard());
            if (edit == ReliableCalls.Edit.EDITED) {
                conversation.setScreen(pressed.getAsInt());
                return;
            }
            if (edit == ReliableCalls.Edit.DROPPED) {
                return;
            }
            conversation.forget(pressed.getAsInt()); // gone from the chat: show it anew
            current = conversation.screen();
        }
        Optional<Integer> sent = calls.send(chatId, screen.text(), screen.keyboard());
        if (sent.isPresent()) {
            conversation.setScreen(sent.get());
            if (current.isPresent() && current.getAsInt() != sent.get()) {
                conversation.forget(current.getAsInt());
                calls.delete(chatId, List.of(current.getAsInt()));
            }
        }
    }

    private void scrub(long chatId, Conversation conversation, OptionalInt pressed) throws InterruptedException {
        List<Integer> all = new ArrayList<>(conversation.takeAll());
        pressed.ifPresent(id -> {
            if (!all.contains(id)) {
                all.add(id);
            }
        });
        if (!all.isEmpty()) {
            calls.delete(chatId, all);
        }
    }
}
