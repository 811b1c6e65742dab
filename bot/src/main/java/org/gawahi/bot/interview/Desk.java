package org.gawahi.bot.interview;

import org.gawahi.storage.drafts.ChatRef;

/**
 * Anything that answers one person's input with one {@link Reply}: the interview, and each desk
 * in front of it (briefs, reports, review), which handles what is its own and passes the rest to
 * the desk behind it, returning that desk's reply (with its effects) or adding to it. The
 * channels are its callers (the Telegram adapter, the terminal simulator); none of them asks a
 * desk anything else after the call: everything the input caused is in the reply.
 *
 * <p>It lives beside {@link Screen} and {@link Input}, the records it is made of, so that the
 * interview can be a desk without a cycle between packages.
 */
@FunctionalInterface
public interface Desk {
    /**
     * Runs inside the caller's unit of work (a Telegram batch's transaction): what the reply says
     * happens after the commit must be carried out only once that unit committed, and never if it
     * was rolled back.
     *
     * @param languageCode the client's language code, if the channel knows it ("hi", "bn-IN")
     */
    Reply handle(ChatRef chat, String languageCode, Input input);
}
