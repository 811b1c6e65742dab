package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** getMe, the command methods, and methods accepted without effect (chat actions, descriptions). */
final class SetupMethods {
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    private static final int MAX_COMMANDS = 100;
    private static final int MAX_DESCRIPTION = 256;
    private static final List<String> ACCEPTED_WITHOUT_EFFECT = List.of("sendChatAction", "setMyDescription",
            "setMyShortDescription", "setMyName");

    private final Commands commands;
    private final WireJson wire;
    /** The default menu button of private chats, as getChatMenuButton answers it. */
    private final java.util.concurrent.atomic.AtomicReference<JsonNode> menuButton;

    SetupMethods(Commands commands, WireJson wire) {
        this.commands = commands;
        this.wire = wire;
        this.menuButton = new java.util.concurrent.atomic.AtomicReference<>(
                wire.mapper().createObjectNode().put("type", "default"));
    }

    JsonNode menuButton() {
        return menuButton.get();
    }

    /** Checks the button as Telegram does (a web_app one needs a text and an https page) and keeps it. */
    private JsonNode setChatMenuButton(RequestParams params) throws ApiError {
        JsonNode button = params.json("menu_button").orElse(wire.mapper().createObjectNode().put("type", "default"));
        switch (button.path("type").asText("")) {
            case "default", "commands" -> { }
            case "web_app" -> {
                if (button.path("text").asText("").isBlank()) {
                    throw ApiError.badRequest("BUTTON_TEXT_INVALID");
                }
                Limits.webAppUrl(button.path("web_app"));
            }
            default -> throw ApiError.badRequest("can't parse menu button: unsupported type");
        }
        if (params.text("chat_id").isEmpty()) {
            menuButton.set(button);
        }
        return BooleanNode.TRUE;
    }

    void register(ApiMethod.Table table) {
        table.add("getMe", params -> wire.me())
                .add("setMyCommands", this::setMyCommands)
                .add("getMyCommands", this::getMyCommands)
                .add("deleteMyCommands", this::deleteMyCommands)
                .add("setChatMenuButton", this::setChatMenuButton)
                .add("getChatMenuButton", params -> menuButton.get());
        ACCEPTED_WITHOUT_EFFECT.forEach(name -> table.add(name, params -> BooleanNode.TRUE));
    }

    private JsonNode setMyCommands(RequestParams params) throws ApiError {
        JsonNode list = params.json("commands").filter(JsonNode::isArray)
                .orElseThrow(() -> ApiError.badRequest("parameter \"commands\" is required"));
        if (list.size() > MAX_COMMANDS) {
            throw ApiError.badRequest("too many commands specified");
        }
        List<Command> parsed = new ArrayList<>();
        for (JsonNode entry : list) {
            String command = entry.path("command").asText("");
            String description = entry.path("description").asText("");
            if (!COMMAND.matcher(command).matches()) {
                throw ApiError.badRequest("BOT_COMMAND_INVALID");
            }
            if (description.isBlank() || description.length() > MAX_DESCRIPTION) {
                throw ApiError.badRequest("command description is invalid");
            }
            parsed.add(new Command(command, description));
        }
        commands.set(Commands.scopeKey(params.json("scope")), params.text("language_code").orElse(""), parsed);
        return BooleanNode.TRUE;
    }

    private JsonNode getMyCommands(RequestParams params) throws ApiError {
        ArrayNode result = wire.mapper().createArrayNode();
        for (Command command : commands.get(Commands.scopeKey(params.json("scope")),
                params.text("language_code").orElse(""))) {
            result.addObject().put("command", command.command()).put("description", command.description());
        }
        return result;
    }

    private JsonNode deleteMyCommands(RequestParams params) throws ApiError {
        commands.set(Commands.scopeKey(params.json("scope")), params.text("language_code").orElse(""), List.of());
        return BooleanNode.TRUE;
    }
}
