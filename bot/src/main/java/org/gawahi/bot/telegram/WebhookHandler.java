package org.gawahi.bot.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.gawahi.config.secret.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook request: the {@code X-Telegram-Bot-Api-Secret-Token} header checked in constant
 * time before anything is read, the body read no further than {@link #MAX_BODY_BYTES} + 1
 * bytes whatever its declared length, the update read as {@link UpdateReader} does and applied in
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
    private final UpdateReader reader = new UpdateReader();
    private final AtomicLong refusedWithoutSecret = new AtomicLong();

    WebhookHandler(Optional<Secret> secret, UpdateApplier applier) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.applier = Objects.requireNonNull(applier, "applier");
    }

    /** As {@link #handle(String, long, InputStream)}, for a body already in memory. */
    public int handle(String secretHeader, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        return handle(secretHeader, bytes.length, new ByteArrayInputStream(bytes));
    }

    /**
     * Decides on one request before reading more of it than an update can be: the secret first
     * (nothing read without it), then the declared length, then a read that stops one byte past
     * the limit whatever the length said. What is left unread is the container's to discard.
     *
     * @param secretHeader  the header's value, null when absent
     * @param contentLength the declared {@code Content-Length}, -1 when none (chunked); not trusted
     * @param body          the request body, read at most {@link #MAX_BODY_BYTES} + 1 bytes
     * @return the HTTP status to answer
     */
    public int handle(String secretHeader, long contentLength, InputStream body) {
        if (secret.isEmpty()) {
            return NOT_FOUND; // polling mode: there is no webhook
        }
        if (!secret.get().matches(secretHeader)) {
            long refused = refusedWithoutSecret.incrementAndGet();
            if (Long.bitCount(refused) == 1) {
                // 1, 2, 4, 8...: a flood of such requests cannot fill the disk with log lines.
                log.info("refused {} webhook request(s) without the right secret so far", refused);
            }
            return UNAUTHORIZED;
        }
        if (contentLength > MAX_BODY_BYTES) {
            return TOO_LARGE;
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            return BAD_REQUEST; // the sender went away mid-body
        }
        if (bytes.length > MAX_BODY_BYTES) {
            return TOO_LARGE;
        }
        if (bytes.length == 0) {
            return BAD_REQUEST;
        }
        Optional<IncomingUpdate> update;
        try {
            update = reader.read(reader.tree(bytes));
        } catch (IOException e) {
            log.info("refused a webhook request that is not JSON ({})", e.getClass().getSimpleName());
            return BAD_REQUEST;
        }
        if (update.isEmpty()) {
            return BAD_REQUEST;
        }
        try {
            // An update the library cannot read is acknowledged too: Telegram would otherwise
            // send it again and again, and hold back every update behind it.
            applier.apply(List.of(update.get()));
            return OK;
        } catch (RuntimeException e) {
            // Not committed: Telegram will deliver it again.
            log.warn("a webhook update could not be applied ({})", e.getClass().getName());
            return UNAVAILABLE;
        }
    }
}
