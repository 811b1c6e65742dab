package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bot API's limits, checked as Telegram checks them. Lengths are counted in UTF-16 code
 * units (Java's {@code String.length()}), the unit Telegram uses for entity offsets; this is
 * never more lenient than counting code points.
 */
final class Limits {
    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    static final int MAX_CALLBACK_DATA_BYTES = 64;

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));");

    private Limits() {
    }

    /**
     * The text as the chat will show it. For {@code parse_mode=HTML} tags are removed and
     * entities decoded; other parse modes are not parsed, so their markup counts as text.
     * Telegram trims surrounding whitespace.
     */
    static String displayed(String raw, Optional<String> parseMode) {
        String text = raw;
        if (parseMode.map(mode -> mode.toUpperCase(Locale.ROOT).equals("HTML")).orElse(false)) {
            text = decodeEntities(TAG.matcher(raw).replaceAll(""));
        }
        return text.strip();
    }

    static String checkedText(String raw, Optional<String> parseMode) throws ApiError {
        String text = displayed(raw, parseMode);
        if (text.isEmpty()) {
            throw ApiError.badRequest("message text is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiError.badRequest("message is too long");
        }
        return text;
    }

    static String checkedCaption(Optional<String> raw, Optional<String> parseMode) throws ApiError {
        String caption = raw.map(value -> displayed(value, parseMode)).orElse("");
        if (caption.length() > MAX_CAPTION) {
            throw ApiError.badRequest("message caption is too long");
        }
        return caption;
    }

    /** The inline keyboard of a reply_markup; other markups (reply keyboards) show no inline buttons. */
    static List<List<Button>> inlineKeyboard(Optional<JsonNode> replyMarkup) throws ApiError {
        if (replyMarkup.isEmpty() || !replyMarkup.get().has("inline_keyboard")) {
            return List.of();
        }
        JsonNode rows = replyMarkup.get().get("inline_keyboard");
        if (!rows.isArray()) {
            throw ApiError.badRequest("can't parse inline keyboard: field \"inline_keyboard\" must be an Array");
        }
        List<List<Button>> keyboard = new ArrayList<>();
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw ApiError.badRequest("can't parse inline keyboard: rows must be Arrays");
            }
            List<Button> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                buttons.add(button(button));
            }
            keyboard.add(List.copyOf(buttons));
        }
        return List.copyOf(keyboard);
    }

    private static Button button(JsonNode node) throws ApiError {
        JsonNode label = node.get("text");
        if (label == null || !label.isTextual()) {
            throw ApiError.badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
        }
        String data = node.hasNonNull("callback_data") ? node.get("callback_data").asText() : "";
        String url = node.hasNonNull("url") ? node.get("url").asText() : "";
        String webApp = node.hasNonNull("web_app") ? webAppUrl(node.get("web_app")) : "";
        if (node.hasNonNull("callback_data")) {
            int bytes = data.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
                throw ApiError.badRequest("BUTTON_DATA_INVALID");
            }
        } else if (url.isEmpty() && !hasOtherAction(node)) {
            throw ApiError.badRequest(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
        return new Button(label.asText(), data, url, webApp);
    }

    /** Telegram opens only https pages in a Mini App, and says so. */
    static String webAppUrl(JsonNode webApp) throws ApiError {
        String url = webApp.path("url").asText("");
        if (!url.startsWith("https://") || url.length() <= "https://".length()) {
            throw ApiError.badRequest("inline keyboard button Web App URL '" + url
                    + "' is invalid: Only HTTPS links are allowed");
        }
        return url;
    }

    private static boolean hasOtherAction(JsonNode node) {
        for (String field : List.of("web_app", "login_url", "switch_inline_query",
                "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text", "pay")) {
            if (node.hasNonNull(field)) {
                return true;
            }
        }
        return false;
    }

    private static String decodeEntities(String text) {
        Matcher matcher = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (matcher.find()) {
            int codePoint = matcher.group(1) != null ? Integer.parseInt(matcher.group(1), 16)
                    : Integer.parseInt(matcher.group(2));
            String replacement = Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "\uFFFD";
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(decoded);
        return decoded.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }
}
