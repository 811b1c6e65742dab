package org.gawahi.bot.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * One {@code getMe} before the bot starts, so that a wrong token or an unreachable Bot API
 * stops {@code gawahi run} with plain words instead of a bot that starts and never answers.
 * The answer carries only the outcome: never the token, never the reply's content.
 */
public final class TokenCheck {
    /** What {@code getMe} said. */
    public enum Outcome {
        /** Telegram knows the token. */
        ACCEPTED,
        /** Telegram answered and refused the token (401 or 404). */
        TOKEN_REFUSED,
        /** No answer, or one that is not Telegram's (network, DNS, TLS, proxy, 5xx). */
        UNREACHABLE
    }

    private final Duration timeout;

    public TokenCheck(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public Outcome check(TelegramSettings settings) {
        URI api = settings.apiUrl();
        URI getMe;
        try {
            getMe = URI.create(api.getScheme() + "://" + api.getHost()
                    + (api.getPort() == -1 ? "" : ":" + api.getPort())
                    + "/bot" + settings.token().reveal() + "/getMe");
        } catch (IllegalArgumentException e) {
            return Outcome.TOKEN_REFUSED; // characters no token has; the message (with the token) is dropped
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            int status = http.send(HttpRequest.newBuilder(getMe).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return Outcome.ACCEPTED;
            }
            return status == 401 || status == 404 ? Outcome.TOKEN_REFUSED : Outcome.UNREACHABLE;
        } catch (IOException e) {
            return Outcome.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNREACHABLE;
        }
    }
}
