package org.gawahi.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import org.gawahi.bot.buttons.ButtonCodec;
import org.gawahi.bot.interview.Screen;
import org.gawahi.bot.interview.AfterCommit;

/**
 * What one committed update asks of one chat's screen. Built inside the transaction (so a
 * broken one fails there and is retried or skipped), carried out after the commit, one chat's
 * actions in order. Holds text to show: never log it.
 */
sealed interface ChatAction {
    /** Telegram's limit on a message text, in UTF-16 units. */
    int MAX_TEXT = 4096;

    /** The person's own messages that came with this action, to delete with the conversation. */
    List<Integer> personMessageIds();

    /**
     * The engine's next screen. {@code pressedMessageId} is the message whose button was pressed;
     * when that is the screen on the phone now, it is edited in place.
     */
    record Show(Screen screen, OptionalInt pressedMessageId, List<Integer> personMessageIds) implements ChatAction {
        public Show {
            Objects.requireNonNull(screen, "screen");
            Objects.requireNonNull(pressedMessageId, "pressedMessageId");
            personMessageIds = List.copyOf(personMessageIds);
            checkText(screen.text());
            screen.buttons().stream().filter(b -> b.webApp().isEmpty()).forEach(b -> checkCallbackData(b.id()));
        }

        /**
         * This show, replacing an earlier one still waiting in the queue: the person needs to see
         * only the newest screen. The earlier one's messages are still tracked; it is edited in
         * place only when both were presses on the same message.
         */
        Show after(Show earlier) {
            List<Integer> ids = new ArrayList<>(earlier.personMessageIds);
            ids.addAll(personMessageIds);
            OptionalInt pressed = earlier.pressedMessageId.isPresent() && earlier.pressedMessageId.equals(pressedMessageId)
                    ? pressedMessageId : OptionalInt.empty();
            return new Show(screen, pressed, ids);
        }

        /** Only a plain screen may be replaced: a receipt or a goodbye must be shown. */
        boolean replaceable() {
            return screen.ending() == Screen.Ending.NONE;
        }

        @Override
        public String toString() {
            return "Show[" + screen + "]";
        }
    }

    /** A short line under the conversation (an edited message changes nothing, ...). */
    record Notice(String text, List<Integer> personMessageIds) implements ChatAction {
        public Notice {
            checkText(text);
            personMessageIds = List.copyOf(personMessageIds);
        }

        @Override
        public String toString() {
            return "Notice[" + text.length() + " chars]";
        }
    }

    /** The ✓ under a receipt: delete what is left and leave one innocuous line. */
    record ClearChat(int pressedMessageId, String line) implements ChatAction {
        public ClearChat {
            checkText(line);
        }

        @Override
        public List<Integer> personMessageIds() {
            return List.of();
        }

        @Override
        public String toString() {
            return "ClearChat";
        }
    }

    /**
     * Review screens whose time is up: delete every message of the conversation, and
     * {@code alsoDelete} (ids known from the outbox after a restart, when the conversation is
     * forgotten); send nothing.
     */
    record Expire(List<Integer> alsoDelete) implements ChatAction {
        public Expire {
            alsoDelete = List.copyOf(alsoDelete);
        }

        Expire() {
            this(List.of());
        }

        @Override
        public List<Integer> personMessageIds() {
            return List.of();
        }
    }

    /** Messages still to delete after a restart (from the outbox); sends nothing. */
    record Delete(List<Integer> messageIds) implements ChatAction {
        public Delete {
            messageIds = List.copyOf(messageIds);
        }

        @Override
        public List<Integer> personMessageIds() {
            return List.of();
        }

        @Override
        public String toString() {
            return "Delete[" + messageIds.size() + "]";
        }
    }

    /**
     * A report to make and send: run on the sender's thread, after the commit (it takes
     * seconds), its files sent as protected documents and its closing line as a message.
     */
    record Documents(AfterCommit.Job job) implements ChatAction {
        public Documents {
            Objects.requireNonNull(job, "job");
        }

        @Override
        public List<Integer> personMessageIds() {
            return List.of();
        }

        @Override
        public String toString() {
            return "Documents";
        }
    }

    /** A reply in a group, which is not a conversation: nothing tracked, nothing deleted. */
    record GroupReply(String text) implements ChatAction {
        public GroupReply {
            checkText(text);
        }

        @Override
        public List<Integer> personMessageIds() {
            return List.of();
        }

        @Override
        public String toString() {
            return "GroupReply";
        }
    }

    /** The engine keeps within Telegram's limits; this says so loudly if it ever does not. */
    static void checkText(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalStateException("a message text must have 1 to " + MAX_TEXT + " characters");
        }
    }

    static void checkCallbackData(String data) {
        if (!ButtonCodec.fits(data)) {
            throw new IllegalStateException("callback data must have 1 to " + ButtonCodec.MAX_BYTES + " bytes");
        }
    }
}
