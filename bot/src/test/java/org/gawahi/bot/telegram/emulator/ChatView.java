package org.gawahi.bot.telegram.emulator;

import java.util.List;
import java.util.Optional;

/** What a chat shows at one moment: visible messages in order, deleted ones gone. */
public record ChatView(long chatId, List<ChatMessage> messages) {
    public ChatView {
        messages = List.copyOf(messages);
    }

    public List<ChatMessage> botMessages() {
        return messages.stream().filter(ChatMessage::fromBot).toList();
    }

    public Optional<ChatMessage> lastBotMessage() {
        List<ChatMessage> fromBot = botMessages();
        return fromBot.isEmpty() ? Optional.empty() : Optional.of(fromBot.get(fromBot.size() - 1));
    }

    public Optional<ChatMessage> message(int messageId) {
        return messages.stream().filter(message -> message.id() == messageId).findFirst();
    }

    public List<String> texts() {
        return messages.stream().map(ChatMessage::text).toList();
    }
}
