package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bot commands per scope and language, as setMyCommands stores them. */
final class Commands {
    static final String DEFAULT_SCOPE = "default";

    private final Map<String, List<Command>> byScopeAndLanguage = new HashMap<>();

    /** "default", "all_private_chats", ..., or "chat:ID" / "chat_member:ID:USER" for chat scopes. */
    static String scopeKey(Optional<JsonNode> scope) {
        if (scope.isEmpty() || !scope.get().hasNonNull("type")) {
            return DEFAULT_SCOPE;
        }
        JsonNode node = scope.get();
        StringBuilder key = new StringBuilder(node.get("type").asText());
        if (node.hasNonNull("chat_id")) {
            key.append(':').append(node.get("chat_id").asText());
        }
        if (node.hasNonNull("user_id")) {
            key.append(':').append(node.get("user_id").asText());
        }
        return key.toString();
    }

    synchronized void set(String scope, String languageCode, List<Command> commands) {
        if (commands.isEmpty()) {
            byScopeAndLanguage.remove(key(scope, languageCode));
        } else {
            byScopeAndLanguage.put(key(scope, languageCode), List.copyOf(commands));
        }
    }

    synchronized List<Command> get(String scope, String languageCode) {
        return byScopeAndLanguage.getOrDefault(key(scope, languageCode), List.of());
    }

    private static String key(String scope, String languageCode) {
        return scope + "|" + languageCode;
    }
}
