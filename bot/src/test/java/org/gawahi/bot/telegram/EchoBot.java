package org.gawahi.bot.telegram;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.gawahi.bot.interview.Screen;
import org.gawahi.config.secret.Secret;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The load benchmark's yardstick: a bot with no state that makes the calls our bot makes for a
 * button press (answer it, edit the message) on the same client, with as many sending threads.
 * "/start" gets a message with a button {@code e:1}; a press on {@code e:k} edits the message
 * to offer {@code e:k+1}. What it costs is what the network and the client cost. Given screens,
 * it shows them in turn (press k shows the k-th, every button offering {@code e:k+1}), so that
 * its messages are as long as the real bot's; given none, a two-word text and one button.
 */
public final class EchoBot implements AutoCloseable {
    private final ClientBotApi api;
    private final ExecutorService poll = Executors.newSingleThreadExecutor(Sender.named("echo-poll"));
    private final ExecutorService senders = Executors.newFixedThreadPool(TelegramBot.SEND_WORKERS,
            Sender.named("echo-send"));
    private final List<Screen> screens;
    private volatile boolean running = true;

    public EchoBot(String token, URI apiUrl, List<Screen> screens) {
        this.api = new ClientBotApi(Secret.of(token), apiUrl, TelegramBot.CALL_TIMEOUT);
        this.screens = screens.stream().filter(s -> !s.buttons().isEmpty()).toList();
    }

    public void start() {
        poll.execute(() -> {
            long offset = 0;
            while (running) {
                try {
                    for (IncomingUpdate update : api.getUpdates(offset, PollingLoop.POLL_TIMEOUT_SECONDS)) {
                        offset = update.id() + 1L;
                        update.content().ifPresent(content -> senders.execute(() -> answer(content)));
                    }
                } catch (ApiException e) {
                    if (!running) {
                        return;
                    }
                }
            }
        });
    }

    private void answer(Update update) {
        try {
            if (update.hasCallbackQuery()) {
                var query = update.getCallbackQuery();
                int next = Integer.parseInt(query.getData().substring(2)) + 1;
                api.answerCallbackQuery(query.getId());
                api.editMessageText(query.getMessage().getChatId(), query.getMessage().getMessageId(), text(next),
                        keyboard(next));
            } else if (update.hasMessage()) {
                api.sendMessage(update.getMessage().getChatId(), text(1), keyboard(1));
            }
        } catch (ApiException | RuntimeException e) {
            // a benchmark yardstick: a lost reply shows up as a stalled person
        }
    }

    private String text(int next) {
        return screens.isEmpty() ? "echo " + next : screens.get((next - 1) % screens.size()).text();
    }

    private List<List<Screen.Button>> keyboard(int next) {
        if (screens.isEmpty()) {
            return List.of(List.of(new Screen.Button("e:" + next, "Next")));
        }
        return screens.get((next - 1) % screens.size()).keyboard().stream()
                .map(row -> row.stream().map(b -> new Screen.Button("e:" + next, b.label())).toList()).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poll.shutdownNow();
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
        api.close();
    }
}
