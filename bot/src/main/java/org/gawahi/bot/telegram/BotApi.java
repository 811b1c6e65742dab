package org.gawahi.bot.telegram;

import java.util.List;

import org.gawahi.bot.interview.Screen;
import org.gawahi.config.secret.Secret;

/**
 * The Bot API methods the adapter uses, in our own terms. Every call is bounded in time and
 * fails with an {@link ApiException} that says only how to react (wait, retry, give up), never
 * what was sent.
 */
interface BotApi extends AutoCloseable {

    /**
     * Long poll: updates from {@code offset} on, waiting up to {@code timeoutSeconds}; each read
     * on its own, so that one the library cannot map comes back unreadable instead of failing
     * the poll.
     */
    List<IncomingUpdate> getUpdates(long offset, int timeoutSeconds) throws ApiException;

    /** Sends a text with {@code protect_content}; returns the new message's id. */
    int sendMessage(long chatId, String text, List<List<Screen.Button>> keyboard) throws ApiException;

    /**
     * Sends a file as a document with {@code protect_content} (it cannot be forwarded or saved
     * from the chat); {@code caption} may be empty. Returns the new message's id.
     */
    int sendDocument(long chatId, String fileName, byte[] content, String caption) throws ApiException;

    /** Replaces a message's text and inline keyboard (an empty keyboard removes it). */
    void editMessageText(long chatId, int messageId, String text, List<List<Screen.Button>> keyboard)
            throws ApiException;

    /** Deletes up to 100 messages; ones already gone are skipped by Telegram. */
    void deleteMessages(long chatId, List<Integer> messageIds) throws ApiException;

    void answerCallbackQuery(String callbackQueryId) throws ApiException;

    /** Sets the command menu for a language ({@code ""}: every language without its own menu). */
    void setMyCommands(List<MenuCommand> commands, String languageCode) throws ApiException;

    /**
     * Makes the chat's menu button open the page at {@code url} (the sealed form) for every private
     * chat. Fakes that do not care may leave it doing nothing.
     */
    default void setChatMenuButton(String label, String url) throws ApiException {
    }

    void setWebhook(String url, Secret secretToken) throws ApiException;

    void deleteWebhook() throws ApiException;

    /** One entry of the command menu. */
    record MenuCommand(String command, String description) {
    }

    @Override
    void close();
}
