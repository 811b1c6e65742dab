package org.gawahi.bot.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** sendDocument and sendPhoto go multipart through the real client. */
class EmulatorFilesTest {
    private BotApiEmulator emulator;
    private BotClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = BotApiEmulator.start(BotClient.TOKEN);
        client = new BotClient(emulator);
        emulator.user(42, "Asha", null, "bn");
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void aDocumentArrivesWithItsBytesIntact() throws Exception {
        byte[] pdf = awkwardBytes(300_000);

        Message sent = client.telegram().execute(SendDocument.builder().chatId(42L)
                .document(new InputFile(new ByteArrayInputStream(pdf), "testimony.pdf"))
                .caption("Your sealed testimony").protectContent(true).build());

        assertThat(emulator.documents(42)).singleElement().satisfies(document -> {
            assertThat(document.bytes()).isEqualTo(pdf);
            assertThat(document.fileName()).isEqualTo("testimony.pdf");
            assertThat(document.caption()).isEqualTo("Your sealed testimony");
            assertThat(document.protectContent()).isTrue();
            assertThat(document.messageId()).isEqualTo(sent.getMessageId());
        });
        assertThat(sent.getDocument().getFileName()).isEqualTo("testimony.pdf");
        assertThat(sent.getDocument().getFileSize()).isEqualTo(pdf.length);
        assertThat(sent.getDocument().getMimeType()).isEqualTo("application/pdf");
        assertThat(sent.getHasProtectedContent()).isTrue();
        ChatMessage shown = emulator.lastBotMessage(42).orElseThrow();
        assertThat(shown.kind()).isEqualTo(ChatMessage.Kind.DOCUMENT);
        assertThat(shown.caption()).isEqualTo("Your sealed testimony");
    }

    @Test
    void aFileNameInAnIndianScriptSurvives() throws Exception {
        client.telegram().execute(SendDocument.builder().chatId(42L)
                .document(new InputFile(new ByteArrayInputStream(new byte[] {1, 2, 3}), "সাক্ষ্য \"১\".pdf"))
                .build());

        assertThat(emulator.documents(42).get(0).fileName()).isEqualTo("সাক্ষ্য \"১\".pdf");
    }

    @Test
    void aDocumentCanCarryButtonsAndBeSentAgainByFileId() throws Exception {
        Message first = client.telegram().execute(SendDocument.builder().chatId(42L)
                .document(new InputFile(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), "a.txt"))
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("Done").callbackData("done").build())).build())
                .build());

        Message again = client.telegram().execute(SendDocument.builder().chatId(42L)
                .document(new InputFile(first.getDocument().getFileId())).build());

        assertThat(emulator.chat(42).messages().get(0).buttonLabels()).containsExactly("Done");
        assertThat(again.getDocument().getFileId()).isEqualTo(first.getDocument().getFileId());
        assertThat(emulator.documents(42)).hasSize(2)
                .allSatisfy(document -> assertThat(document.bytes()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUnknownFileIdIsRejected() {
        assertThatThrownBy(() -> client.telegram().execute(SendDocument.builder().chatId(42L)
                .document(new InputFile("BQACnothing")).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, error -> assertThat(
                        error.getApiResponse()).isEqualTo("Bad Request: wrong file identifier/HTTP URL specified"));
        assertThat(emulator.chat(42).messages()).isEmpty();
    }

    @Test
    void anEmptyFileIsRejected() {
        assertThatThrownBy(() -> client.telegram().execute(SendDocument.builder().chatId(42L)
                .document(new InputFile(new ByteArrayInputStream(new byte[0]), "empty.pdf")).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(400));
        assertThat(emulator.documents(42)).isEmpty();
    }

    @Test
    void aPhotoArrivesWithItsCaption() throws Exception {
        byte[] png = awkwardBytes(5_000);

        Message sent = client.telegram().execute(SendPhoto.builder().chatId(42L)
                .photo(new InputFile(new ByteArrayInputStream(png), "map.png")).caption("Where it happened").build());

        assertThat(sent.hasPhoto()).isTrue();
        assertThat(sent.getCaption()).isEqualTo("Where it happened");
        assertThat(emulator.photos(42)).singleElement().satisfies(photo -> assertThat(photo.bytes()).isEqualTo(png));
        assertThat(emulator.documents(42)).isEmpty();
    }

    @Test
    void aCaptionOver1024CharactersIsTooLong() {
        assertThatThrownBy(() -> client.telegram().execute(SendDocument.builder().chatId(42L)
                .document(new InputFile(new ByteArrayInputStream(new byte[] {1}), "a.pdf")).caption("x".repeat(1025))
                .build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, error -> assertThat(
                        error.getApiResponse()).isEqualTo("Bad Request: message caption is too long"));
    }

    /** Random bytes salted with CRLFs and dashes, the bytes a multipart parser trips on. */
    private static byte[] awkwardBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        byte[] trap = "\r\n--\r\n\r\n--boundary--\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + trap.length < size; at += 997) {
            System.arraycopy(trap, 0, bytes, at, trap.length);
        }
        return bytes;
    }
}
