package org.gawahi.bot.telegram;

/** How updates reach the bot. */
public enum TelegramMode {
    /** The bot asks Telegram (getUpdates); works behind any firewall. The default. */
    POLLING,
    /** Telegram posts each update to our HTTPS endpoint (behind a reverse proxy). */
    WEBHOOK
}
