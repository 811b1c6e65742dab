package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalInt;

/** A Bot API error reply. The HTTP status equals {@code error_code}, as with Telegram. */
final class ApiError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient OptionalInt retryAfter;

    private ApiError(int code, String description, OptionalInt retryAfter) {
        super(description, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    static ApiError badRequest(String what) {
        return new ApiError(400, "Bad Request: " + what, OptionalInt.empty());
    }

    static ApiError unauthorized() {
        return new ApiError(401, "Unauthorized", OptionalInt.empty());
    }

    static ApiError forbidden(String what) {
        return new ApiError(403, "Forbidden: " + what, OptionalInt.empty());
    }

    static ApiError notFound() {
        return new ApiError(404, "Not Found", OptionalInt.empty());
    }

    static ApiError conflict(String what) {
        return new ApiError(409, "Conflict: " + what, OptionalInt.empty());
    }

    static ApiError tooManyRequests(int retryAfterSeconds) {
        return new ApiError(429, "Too Many Requests: retry after " + retryAfterSeconds,
                OptionalInt.of(retryAfterSeconds));
    }

    static ApiError internal() {
        return new ApiError(500, "Internal Server Error", OptionalInt.empty());
    }

    int code() {
        return code;
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode reply = mapper.createObjectNode();
        reply.put("ok", false);
        reply.put("error_code", code);
        reply.put("description", getMessage());
        retryAfter.ifPresent(seconds -> reply.putObject("parameters").put("retry_after", seconds));
        return reply;
    }
}
