package org.gawahi.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.gawahi.bot.buttons.ButtonData;
import org.gawahi.bot.buttons.Namespace;
import org.gawahi.bot.interview.AfterCommit;
import org.gawahi.bot.interview.Screen;

/**
 * Turns one {@link ChatAction} into Bot API calls on one chat, so that the phone holds as
 * little as possible: every message she sends deleted as soon as it is read (in the same
 * deleteMessages call as the screen it replaces, when there is one); one message per question,
 * edited in place when she pressed a button on it; a new one (and the old one deleted) when she
 * typed; after a submission every message of the conversation deleted and only the receipt left,
 * with a ✓ that deletes it too; after a quick exit, or when she erased her answers, everything
 * deleted and one line left. "Everything" includes the {@value #SWEEP} ids below the newest one
 * (ids in a private chat count both sides, one by one; Telegram skips those it cannot find), so
 * a quick exit after a restart, when the bot remembers none of her messages, still leaves only
 * the one line; the same sweep runs after a receipt or a ✓ in a chat the bot remembers nothing of.
 */
final class Presenter {
    /** The ✓ under a receipt; handled by the adapter, never by the engine. */
    static final String CLEAR_DATA = ButtonData.of(Namespace.CHAT, "clear", "now").data();
    static final String CLEAR_LABEL = "✓";
    /** How far below the newest message a sweep reaches: two deleteMessages calls. */
    static final int SWEEP = 2 * ReliableCalls.DELETE_BATCH;

    private final ReliableCalls calls;

    Presenter(ReliableCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    void present(long chatId, Conversation conversation, ChatAction action) throws InterruptedException {
        boolean amnesiac = conversation.remembersNothing();
        List<Integer> theirs = action.personMessageIds();
        if (action instanceof ChatAction.Show show) {
            show(chatId, conversation, show, amnesiac);
        } else if (action instanceof ChatAction.Notice notice) {
            deleteNow(chatId, theirs);
            calls.send(chatId, notice.text(), List.of()).ifPresent(conversation::track);
        } else if (action instanceof ChatAction.ClearChat clear) {
            // Only the receipt: the rest went when it was sent, and a new conversation may have begun since.
            conversation.forget(clear.pressedMessageId());
            if (amnesiac) {
                sweepBelow(chatId, clear.pressedMessageId(), List.of());
            } else {
                calls.delete(chatId, List.of(clear.pressedMessageId()));
            }
            calls.send(chatId, clear.line(), List.of()).ifPresent(conversation::track);
        } else if (action instanceof ChatAction.Expire expire) {
            scrub(chatId, conversation, OptionalInt.empty(), expire.alsoDelete());
        } else if (action instanceof ChatAction.Delete delete) {
            delete.messageIds().forEach(conversation::forget);
            deleteNow(chatId, delete.messageIds());
        } else if (action instanceof ChatAction.Documents documents) {
            deliver(chatId, conversation, documents.job().make());
        } else if (action instanceof ChatAction.GroupReply reply) {
            calls.send(chatId, reply.text(), List.of());
        }
    }

    private void deleteNow(long chatId, List<Integer> messageIds) throws InterruptedException {
        if (!messageIds.isEmpty()) {
            calls.delete(chatId, messageIds);
        }
    }

    /**
     * The files one by one, then the closing line. The documents are what she asked for, so
     * they are not tracked with the conversation: nothing the bot deletes later takes them.
     */
    private void deliver(long chatId, Conversation conversation, AfterCommit.Delivery delivery)
            throws InterruptedException {
        for (AfterCommit.File file : delivery.files()) {
            calls.sendDocument(chatId, file.name(), file.content(), "");
        }
        calls.send(chatId, delivery.text(), List.of()).ifPresent(conversation::track);
    }

    private void show(long chatId, Conversation conversation, ChatAction.Show show, boolean amnesiac)
            throws InterruptedException {
        Screen screen = show.screen();
        List<Integer> theirs = show.personMessageIds();
        switch (screen.ending()) {
            case SUBMITTED -> {
                if (amnesiac) {
                    sweepBelow(chatId, newest(show, conversation), theirs);
                } else {
                    scrub(chatId, conversation, show.pressedMessageId(), theirs);
                }
                // The receipt stays until she has noted it and pressed ✓. It is tracked, but not the
                // screen: typing /start next must not delete it before she has written it down.
                List<List<Screen.Button>> keyboard = List.of(List.of(new Screen.Button(CLEAR_DATA, CLEAR_LABEL)));
                calls.send(chatId, screen.text(), keyboard).ifPresent(conversation::track);
            }
            case QUICK_EXIT, ERASED -> {
                int newest = newest(show, conversation);
                List<Integer> known = new ArrayList<>(conversation.takeAll());
                known.addAll(theirs);
                sweepBelow(chatId, newest, known);
                calls.send(chatId, screen.text(), List.of()).ifPresent(conversation::track);
            }
            default -> replaceScreen(chatId, conversation, show);
        }
    }

    /** The newest message id this action knows of in the chat. */
    private static int newest(ChatAction.Show show, Conversation conversation) {
        int newest = Math.max(conversation.highest(), show.pressedMessageId().orElse(0));
        for (int id : show.personMessageIds()) {
            newest = Math.max(newest, id);
        }
        return newest;
    }

    private void replaceScreen(long chatId, Conversation conversation, ChatAction.Show show)
            throws InterruptedException {
        Screen screen = show.screen();
        List<Integer> theirs = show.personMessageIds();
        OptionalInt current = conversation.screen();
        OptionalInt pressed = show.pressedMessageId();
        // After a restart the list is gone: a press is then taken to be on the screen she sees.
        if (pressed.isPresent() && (current.isEmpty() || current.getAsInt() == pressed.getAsInt())) {
            ReliableCalls.Edit edit = calls.edit(chatId, pressed.getAsInt(), screen.text(), screen.keyboard());
            if (edit == ReliableCalls.Edit.EDITED) {
                conversation.setScreen(pressed.getAsInt());
                deleteNow(chatId, theirs);
                return;
            }
            if (edit == ReliableCalls.Edit.DROPPED) {
                deleteNow(chatId, theirs);
                return;
            }
            conversation.forget(pressed.getAsInt()); // gone from the chat: show it anew
            current = conversation.screen();
        }
        Optional<Integer> sent = calls.send(chatId, screen.text(), screen.keyboard());
        List<Integer> gone = new ArrayList<>(theirs);
        if (sent.isPresent()) {
            conversation.setScreen(sent.get());
            if (current.isPresent() && current.getAsInt() != sent.get()) {
                conversation.forget(current.getAsInt());
                gone.add(current.getAsInt());
            }
        }
        deleteNow(chatId, gone);
    }

    private void scrub(long chatId, Conversation conversation, OptionalInt pressed, List<Integer> also)
            throws InterruptedException {
        List<Integer> all = new ArrayList<>(conversation.takeAll());
        pressed.ifPresent(all::add);
        all.addAll(also);
        deleteNow(chatId, all.stream().distinct().toList());
    }

    /** Deletes {@code newest} and the {@value #SWEEP} ids below it, and {@code also}. */
    private void sweepBelow(long chatId, int newest, List<Integer> also) throws InterruptedException {
        List<Integer> all = new ArrayList<>(also);
        for (int id = newest; id > Math.max(0, newest - SWEEP); id--) {
            if (!all.contains(id)) {
                all.add(id);
            }
        }
        deleteNow(chatId, all);
    }
}
