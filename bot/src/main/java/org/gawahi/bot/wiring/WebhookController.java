package org.gawahi.bot.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.gawahi.bot.telegram.WebhookHandler;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook endpoint: HTTP in, {@link WebhookHandler} decides; nothing else happens here. The
 * body is handed over as the container's stream, never read into memory by Spring, so that the
 * handler refuses a request without the secret, or one too big, before reading it.
 */
@RestController
class WebhookController {
    static final String PATH = "/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final WebhookHandler handler;

    WebhookController(WebhookHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @PostMapping(PATH)
    ResponseEntity<Void> update(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
                                HttpServletRequest request) {
        InputStream body;
        try {
            body = request.getInputStream();
        } catch (IOException e) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.status(handler.handle(secret, request.getContentLengthLong(), body)).build();
    }
}
