package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One Bot API method: its parameters in, its {@code result} out, or an {@link ApiError}. */
@FunctionalInterface
interface ApiMethod {
    JsonNode call(RequestParams params) throws ApiError, InterruptedException;

    /** Methods by name; the Bot API's method names are case-insensitive. */
    final class Table {
        private final Map<String, ApiMethod> methods = new HashMap<>();

        Table add(String name, ApiMethod method) {
            methods.put(name.toLowerCase(Locale.ROOT), method);
            return this;
        }

        Optional<ApiMethod> find(String name) {
            return Optional.ofNullable(methods.get(name.toLowerCase(Locale.ROOT)));
        }
    }
}
