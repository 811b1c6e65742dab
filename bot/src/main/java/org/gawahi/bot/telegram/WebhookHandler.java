package org.gawahi.bot.telegram;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.config.secret.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * One webhook request: the {@code X-Telegram-Bot-Api-Secret-Token} header checked in constant
 * time before anything is read, the update parsed with a plain Jackson 2 mapper and applied in
 * one transaction with its offset. The status it returns is sent only after that commit, so a
 * 200 means "committed"; anything else makes Telegram deliver the update again. Free of any web
 * framework: a thin controller calls it.
 */
public final class WebhookHandler {
    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);
    /** Updates are small; anything bigger is not from Telegram. */
    static final int MAX_BODY_BYTES = 1 << 20;

    public static final int OK = 200;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int NOT_FOUND = 404;
    public static final int TOO_LARGE = 413;
    public static final int UNAVAILABLE = 503;

    private final Optional<Secret> secret;
    private final UpdateApplier applier;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    WebhookHandler(Optional<Secret> secret, UpdateApplier applier) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.applier = Objects.requireNonNull(applier, "applier");
    }

    /**
     * @param secretHeader the header's value, null when absent
     * @return the HTTP status to answer
     */
    public int handle(String secretHeader, byte[] body) {
        if (secret.isEmpty()) {
            return NOT_FOUND; // polling mode: there is no webhook
        }
        if (!secret.get().matches(secretHeader)) {
            log.info("refused a webhook request without the right secret");
            return UNAUTHORIZED;
        }
        if (body == null || body.length == 0) {
            return BAD_REQUEST;
        }
        if (body.length > MAX_BODY_BYTES) {
            return TOO_LARGE;
        }
        Update update;
        try {
            update = mapper.readValue(body, Update.class);
        } catch (IOException e) {
            log.info("refused a webhook request that is not an update ({})", e.getClass().getSimpleName());
            return BAD_REQUEST;
        }
        if (update == null || update.getUpdateId() == null) {
            return BAD_REQUEST;
        }
        try {
            applier.apply(List.of(update));
            return OK;
        } catch (RuntimeException e) {
            // Not committed: Telegram will deliver it again.
            log.warn("a webhook update could not be applied ({})", e.getClass().getName());
            return UNAVAILABLE;
        }
    }
}
