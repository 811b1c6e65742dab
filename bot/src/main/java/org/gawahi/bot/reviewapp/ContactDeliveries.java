package org.gawahi.bot.reviewapp;

import org.gawahi.storage.drafts.ChatRef;

/**
 * Where a moderator's one message to a respondent, written in the review app, goes once
 * ContactBack has opened and erased her handle (audited): the bot, which sends it to her chat
 * at once. Never logged, never stored.
 */
@FunctionalInterface
public interface ContactDeliveries {
    void deliver(ChatRef chat, String text);
}
