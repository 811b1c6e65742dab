package org.gawahi.bot.telegram.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Files the bot sent, by file_id (so it can send one again) and in the order sent. */
final class Files {
    private final Map<String, SentFile> byFileId = new HashMap<>();
    private final List<SentFile> sent = new ArrayList<>();
    private long count;

    synchronized String newFileId(ChatMessage.Kind kind) {
        return (kind == ChatMessage.Kind.PHOTO ? "AgAC" : "BQAC") + "emu" + ++count;
    }

    synchronized void record(SentFile file) {
        byFileId.putIfAbsent(file.fileId(), file);
        sent.add(file);
    }

    synchronized Optional<SentFile> byFileId(String fileId) {
        return Optional.ofNullable(byFileId.get(fileId));
    }

    synchronized List<SentFile> sentTo(long chatId) {
        return sent.stream().filter(file -> file.chatId() == chatId).toList();
    }
}
