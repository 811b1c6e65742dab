package org.gawahi.bot.wiring;

import java.util.Objects;

import org.gawahi.bot.telegram.WebhookHandler;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The webhook endpoint: HTTP in, {@link WebhookHandler} decides; nothing else happens here. */
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
                                @RequestBody(required = false) byte[] body) {
        return ResponseEntity.status(handler.handle(secret, body)).build();
    }
}
