package org.gawahi.bot.telegram.emulator;

import java.time.Instant;
import java.util.Optional;

/** A callback query and the bot's answer to it. */
public record AnsweredCallback(String callbackQueryId, long userId, String data, Optional<String> text,
                               boolean showAlert, Instant pressedAt, Instant answeredAt) {
}
