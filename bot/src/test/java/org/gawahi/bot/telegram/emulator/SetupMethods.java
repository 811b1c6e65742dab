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
            "setMyShortDescription", "setMyName", "setChatMenuButton");

    private final Commands commands;
    private final WireJson wire;

    SetupMethods(Commands commands, WireJson wire) {
        this.commands = commands;
        this.wire = wire;
    }

    void register(ApiMethod.Table table) {
        table.add("getMe", params -> wire.me())
                .add("setMyCommands", this::setMyCommands)
                .add("getMyCommands", this::getMyCommands)
                .add("deleteMyCommands", this::deleteMyCommands);
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
