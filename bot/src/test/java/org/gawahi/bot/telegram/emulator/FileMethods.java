package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gawahi.bot.telegram.emulator.ChatMessage.Kind;
import org.gawahi.bot.telegram.emulator.Chats.StoredMessage;

/** sendDocument and sendPhoto: a new upload (multipart, {@code attach://name}) or an earlier file_id. */
final class FileMethods {
    private static final String ATTACH = "attach://";

    private record Upload(String fileId, String fileName, byte[] bytes) {
    }

    private final Chats chats;
    private final Files files;
    private final WireJson wire;
    private final Clock clock;

    FileMethods(Chats chats, Files files, WireJson wire, Clock clock) {
        this.chats = chats;
        this.files = files;
        this.wire = wire;
        this.clock = clock;
    }

    void register(ApiMethod.Table table) {
        table.add("sendDocument", params -> send(params, Kind.DOCUMENT, "document"))
                .add("sendPhoto", params -> send(params, Kind.PHOTO, "photo"));
    }

    private JsonNode send(RequestParams params, Kind kind, String field) throws ApiError {
        long chatId = params.chatId();
        Upload upload = upload(params, kind, field);
        String caption = Limits.checkedCaption(params.text("caption"), params.text("parse_mode"));
        Optional<JsonNode> markup = params.json("reply_markup");
        List<List<Button>> keyboard = Limits.inlineKeyboard(markup);
        boolean protect = params.flag("protect_content");
        Instant now = clock.instant();
        StoredMessage sent = chats.botSend(chatId, (id, chat) -> {
            ObjectNode json = wire.message(id, now, chat, wire.bot());
            if (kind == Kind.PHOTO) {
                json.set("photo", wire.photoSizes(upload.fileId(), upload.bytes().length));
            } else {
                json.set("document", wire.file(upload.fileId(), upload.bytes().length)
                        .put("file_name", upload.fileName()).put("mime_type", mimeType(upload.fileName())));
            }
            if (!caption.isEmpty()) {
                json.put("caption", caption);
            }
            if (!keyboard.isEmpty()) {
                json.set("reply_markup", markup.orElseThrow().deepCopy());
            }
            if (protect) {
                json.put("has_protected_content", true);
            }
            files.record(new SentFile(chatId, id, kind, upload.fileId(), upload.fileName(), upload.bytes(), caption,
                    protect));
            return new StoredMessage(new ChatMessage(id, wire.botId(), true, kind, "", caption, keyboard, protect, now,
                    false), json);
        });
        return sent.json().deepCopy();
    }

    private Upload upload(RequestParams params, Kind kind, String field) throws ApiError {
        Optional<String> reference = params.text(field);
        Optional<RequestParams.FilePart> part = reference.filter(value -> value.startsWith(ATTACH))
                .flatMap(value -> params.file(value.substring(ATTACH.length())))
                .or(() -> params.file(field));
        if (part.isPresent()) {
            if (part.get().bytes().length == 0) {
                throw ApiError.badRequest("file must be non-empty");
            }
            return new Upload(files.newFileId(kind), part.get().fileName(), part.get().bytes());
        }
        if (reference.isEmpty() || reference.get().startsWith(ATTACH)) {
            throw ApiError.badRequest("there is no " + field + " in the request");
        }
        SentFile earlier = files.byFileId(reference.get())
                .orElseThrow(() -> ApiError.badRequest("wrong file identifier/HTTP URL specified"));
        if (earlier.kind() != kind) {
            throw ApiError.badRequest("wrong file identifier/HTTP URL specified");
        }
        return new Upload(earlier.fileId(), earlier.fileName(), earlier.bytes());
    }

    private static String mimeType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (lower.endsWith(".txt")) {
            return "text/plain";
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}
