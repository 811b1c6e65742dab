/**
 * Who a conversation is with, whatever the channel: {@link org.gawahi.storage.conversation.ConversationId}
 * (a channel name and that channel's opaque bytes, printed as {@code [conversation]}). Depends on
 * nothing of ours, so that the vault can derive row names and keys from it and every store can key
 * by it. The Telegram chat id as a number appears only in {@link org.gawahi.storage.conversation.TelegramIds}.
 */
package org.gawahi.storage.conversation;
