package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.bot.interview.Input;
import org.gawahi.storage.drafts.ChatRef;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateMapperTest {
    static final String PRIVATE = "\"chat\":{\"id\":42,\"type\":\"private\",\"first_name\":\"A\"},"
            + "\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"A\",\"language_code\":\"bn-IN\"}";
    UpdateMapper mapper = new UpdateMapper();
    ObjectMapper json = new ObjectMapper();

    Inbound map(String update) throws Exception {
        return mapper.map(json.readValue(update, Update.class));
    }

    String message(String content) {
        return "{\"update_id\":1,\"message\":{\"message_id\":7,\"date\":1," + PRIVATE + "," + content + "}}";
    }

    @Test
    void typedTextGoesToTheEngineWithItsLanguageAndMessageId() throws Exception {
        Inbound in = map(message("\"text\":\"they came at night\""));

        assertThat(in).isEqualTo(new Inbound.ToEngine(ChatRef.of(42), "bn-IN", new Input.Text("they came at night"),
                OptionalInt.of(7), OptionalInt.empty(), Optional.empty()));
    }

    @Test
    void startWithOrWithoutBotNameOrPayloadIsStart() throws Exception {
        for (String start : new String[] {"/start", "/start@gawahi_bot", "/start abc"}) {
            assertThat(((Inbound.ToEngine) map(message("\"text\":\"" + start + "\""))).input()).isEqualTo(new Input.Start());
        }
    }

    @Test
    void commandsKeepTheirArgumentAndDropTheBotName() throws Exception {
        Inbound.ToEngine in = (Inbound.ToEngine) map(message("\"text\":\"/status@gawahi_bot 1234 5678\""));

        assertThat(in.input()).isEqualTo(new Input.Command("status", "1234 5678"));
    }

    @Test
    void mediaBecomesUnsupportedWithItsKind() throws Exception {
        assertThat(((Inbound.ToEngine) map(message("\"sticker\":{\"file_id\":\"x\",\"file_unique_id\":\"y\","
                + "\"type\":\"regular\",\"width\":1,\"height\":1,\"is_animated\":false,\"is_video\":false}"))).input())
                .isEqualTo(new Input.Unsupported("sticker"));
        assertThat(((Inbound.ToEngine) map(message("\"location\":{\"latitude\":1.0,\"longitude\":2.0}"))).input())
                .isEqualTo(new Input.Unsupported("location"));
        assertThat(((Inbound.ToEngine) map(message("\"contact\":{\"phone_number\":\"1\",\"first_name\":\"B\"}"))).input())
                .isEqualTo(new Input.Unsupported("contact"));
    }

    @Test
    void aButtonPressIsAPressOnItsMessageWithItsQueryToAnswer() throws Exception {
        Inbound in = map("{\"update_id\":2,\"callback_query\":{\"id\":\"q1\",\"chat_instance\":\"c\","
                + "\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"A\"},"
                + "\"message\":{\"message_id\":9,\"date\":1," + PRIVATE + ",\"text\":\"screen\"},\"data\":\"a:c1:yes\"}}");

        assertThat(in).isEqualTo(new Inbound.ToEngine(ChatRef.of(42), null, new Input.Press("a:c1:yes"),
                OptionalInt.empty(), OptionalInt.of(9), Optional.of("q1")));
    }

    @Test
    void theTickUnderAReceiptClearsTheChat() throws Exception {
        Inbound in = map("{\"update_id\":2,\"callback_query\":{\"id\":\"q1\",\"chat_instance\":\"c\","
                + "\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"A\"},"
                + "\"message\":{\"message_id\":9,\"date\":1," + PRIVATE + ",\"text\":\"code\"},\"data\":\"z:clear:now\"}}");

        assertThat(in).isInstanceOf(Inbound.ClearChat.class);
        assertThat(in.callbackQueryId()).hasValue("q1");
    }

    @Test
    void anEditedMessageIsNoticedNotApplied() throws Exception {
        Inbound in = map("{\"update_id\":3,\"edited_message\":{\"message_id\":7,\"date\":1,\"edit_date\":2,"
                + PRIVATE + ",\"text\":\"changed\"}}");

        assertThat(in).isInstanceOf(Inbound.Edited.class);
    }

    @Test
    void groupsGetOnlyTheirCommandsNoticedAndChannelsNothing() throws Exception {
        String group = "\"chat\":{\"id\":-5,\"type\":\"supergroup\",\"title\":\"G\"},"
                + "\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"A\"}";
        assertThat(map("{\"update_id\":4,\"message\":{\"message_id\":1,\"date\":1," + group + ",\"text\":\"/start\"}}"))
                .isInstanceOf(Inbound.GroupCommand.class);
        assertThat(map("{\"update_id\":5,\"message\":{\"message_id\":2,\"date\":1," + group + ",\"text\":\"hi\"}}"))
                .isInstanceOf(Inbound.Ignored.class);
        assertThat(map("{\"update_id\":6,\"channel_post\":{\"message_id\":3,\"date\":1,"
                + "\"chat\":{\"id\":-7,\"type\":\"channel\",\"title\":\"C\"},\"text\":\"/start\"}}"))
                .isInstanceOf(Inbound.Ignored.class);
    }

    @Test
    void nothingItMakesPrintsAnIdOrText() throws Exception {
        Inbound in = map(message("\"text\":\"secret words\""));

        assertThat(in.toString()).doesNotContain("42", "secret");
    }
}
