package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.drafts.InMemoryDraftStore;
import org.gawahi.storage.testimony.InMemorySubmissions;
import org.junit.jupiter.api.Test;

/** Her first screen offers the sealed form beside the chat, in her language, only when there is one. */
class FormOfferTest {
    private static final String FORM = "https://gawahi.example.org/form/";
    private final Questionnaire questionnaire = org.gawahi.config.questionnaire.QuestionnaireLoader.loadDefault();

    private Screen firstScreen(Optional<String> form, String languageCode) {
        InMemoryDraftStore drafts = new InMemoryDraftStore(Conversation.CLOCK, Duration.ofHours(24));
        Interview interview = new Interview(questionnaire, drafts, new InMemorySubmissions(drafts, new SecureRandom()),
                Conversation.CLOCK, form);
        return interview.handle(ChatRef.of(9001), languageCode, new Input.Start()).screen();
    }

    @Test
    void offersThePrivateFormAsAPageButtonBesideTheLanguagesOfTheChat() {
        Screen screen = firstScreen(Optional.of(FORM), "en");

        assertThat(screen.buttons()).filteredOn(b -> b.webApp().isPresent()).singleElement().satisfies(b -> {
            assertThat(b.webApp()).contains(FORM);
            assertThat(b.label()).isEqualTo("🔒 Answer in a private form (Telegram does not see your answers)");
        });
        assertThat(screen.buttons()).filteredOn(b -> b.webApp().isEmpty()).hasSize(questionnaire.languages().size());
        assertThat(screen.text()).startsWith("You can also answer in a private form").endsWith("Choose your language:");
    }

    @Test
    void offersItInHerLanguage() {
        for (String language : questionnaire.languages()) {
            Screen screen = firstScreen(Optional.of(FORM), language);
            String offer = questionnaire.texts(language).message("form_offer");
            assertThat(screen.text()).as(language).startsWith(offer);
            assertThat(screen.buttons()).as(language).anySatisfy(b ->
                    assertThat(b.label()).isEqualTo(questionnaire.texts(language).message("button_form")));
        }
    }

    @Test
    void withoutAFormTheFirstScreenIsAsBefore() {
        Screen screen = firstScreen(Optional.empty(), "en");

        assertThat(screen.buttons()).allSatisfy(b -> assertThat(b.webApp()).isEmpty());
        assertThat(screen.text()).isEqualTo("Choose your language:");
    }
}
