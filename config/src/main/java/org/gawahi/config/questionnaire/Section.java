package org.gawahi.config.questionnaire;

import java.util.List;

public record Section(String id, List<Question> questions) {
    public Section {
        questions = List.copyOf(questions);
    }
}
