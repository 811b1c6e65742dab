package org.gawahi.bot.reviewapp;

import java.util.Objects;

import org.gawahi.bot.form.FormResponse;

/**
 * What the review app answers: a status, a content type and a body that may hold a decrypted
 * testimony, so it prints only its length. Every response carries {@link #HEADERS}.
 */
public record ReviewResponse(int status, String contentType, byte[] body) {
    /** The form's no-trace headers, unchanged: nothing cached, no referrer, no sniffing, only this server. */
    public static final java.util.Map<String, String> HEADERS = FormResponse.HEADERS;
    static final String JSON = "application/json";

    public ReviewResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "ReviewResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
