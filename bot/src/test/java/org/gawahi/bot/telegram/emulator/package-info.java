/**
 * A local Telegram Bot API emulator for end-to-end tests (test sources only; never shipped).
 *
 * <p>The real telegrambots client talks to {@link org.gawahi.bot.telegram.emulator.BotApiEmulator}
 * over HTTP on 127.0.0.1; tests act as people ({@code user}, {@code sendText}, {@code pressButton},
 * ...) and look at what each chat shows now ({@code chat}, {@code awaitBotMessage}):
 * <pre>{@code
 * try (BotApiEmulator telegram = BotApiEmulator.start("123:token")) {
 *     TelegramClient client = new OkHttpTelegramClient("123:token",
 *             new TelegramUrl("http", "127.0.0.1", telegram.port(), false));
 *     User asha = telegram.user(42, "Asha", null, "hi");
 *     // start the bot with client ...
 *     telegram.awaitPolling(Duration.ofSeconds(10));
 *     telegram.sendText(asha, "/start");
 *     ChatMessage menu = telegram.awaitBotMessage(42, m -> !m.buttons().isEmpty(), Duration.ofSeconds(10));
 *     telegram.pressButtonLabeled(asha, menu.id(), "हिन्दी");
 * }
 * }</pre>
 *
 * <p>Limits are checked as Telegram checks them (text 1-4096 after trimming and HTML parsing,
 * captions 0-1024, callback_data 1-64 bytes, deletes within 48 hours, edits that change nothing).
 * {@link org.gawahi.bot.telegram.emulator.Faults} injects 429s, 500s, dropped connections, lost
 * replies, slow replies and duplicate update delivery.
 *
 * <p>Things to know about the client, seen through this emulator: OkHttp retries a call once when
 * a pooled connection fails, so a lost reply to sendMessage sends the message twice unless
 * {@code retryOnConnectionFailure(false)}; OkHttp's default read timeout (10 s) ends a getUpdates
 * long poll with a longer {@code timeout}; {@code Message.isCommand()} is false until
 * {@code getEntities()} has been called.
 */
package org.gawahi.bot.telegram.emulator;
