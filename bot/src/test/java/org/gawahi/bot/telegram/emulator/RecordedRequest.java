package org.gawahi.bot.telegram.emulator;

import java.time.Instant;
import java.util.Optional;

/**
 * One request the emulator received. {@code method} is as the bot spelled it; {@code status} is
 * the HTTP status replied, or 0 when the connection was dropped without a reply.
 */
public record RecordedRequest(long sequence, String method, Instant receivedAt, Optional<Long> chatId, int status) {
}
