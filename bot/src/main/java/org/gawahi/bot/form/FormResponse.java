package org.gawahi.bot.form;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the form answers: a status, a content type and a body. The headers every form response
 * carries are {@link #HEADERS}; a thin controller adds them.
 */
public record FormResponse(int status, String contentType, byte[] body) {
    /**
     * On every response of the form, errors included: nothing cached, no referrer sent on,
     * types not sniffed, and only this server's own page, script and style, inside Telegram.
     */
    public static final java.util.Map<String, String> HEADERS = java.util.Map.of(
            "Cache-Control", "no-store",
            "Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; "
                    + "img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                    + "frame-ancestors https://web.telegram.org https://*.telegram.org",
            "Referrer-Policy", "no-referrer",
            "X-Content-Type-Options", "nosniff");
    static final String JSON = "application/json";

    public FormResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    static FormResponse json(int status, String json) {
        return new FormResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON error answer for {@code error}. */
    public static FormResponse errorOf(FormError error) {
        return error(error);
    }

    static FormResponse error(FormError error) {
        return json(error.status(), "{\"error\":\"" + error.code() + "\"}");
    }

    @Override
    public String toString() {
        return "FormResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
