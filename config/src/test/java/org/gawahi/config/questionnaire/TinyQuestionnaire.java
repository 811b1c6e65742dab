package org.gawahi.config.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A valid, minimal questionnaire folder held in memory (file name -> content), with every
 * kind of question, option actions, exclusive and locked options, and show_if on a question
 * and on options. Tests mutate it by exact text replacement; a replacement whose target is
 * not found exactly once fails at once, so a negative test cannot silently test nothing.
 */
final class TinyQuestionnaire {
    static final String STRUCTURE = "questionnaire.yaml";
    static final String EN = "text/en.yaml";
    static final String HI = "text/hi.yaml";

    /** Paths of the questions inside questionnaire.yaml, as the validator reports them. */
    static final String WELCOME = "sections[0].questions[0]";
    static final String ADULT = "sections[0].questions[1]";
    static final String SHARE = "sections[0].questions[2]";
    static final String WHEN = "sections[1].questions[0]";
    static final String STATE = "sections[1].questions[1]";
    static final String DISTRICT = "sections[1].questions[2]";
    static final String PHONE = "sections[1].questions[3]";
    static final String PEOPLE = "sections[1].questions[4]";
    static final String TAKEN = "sections[1].questions[5]";
    static final String WHERE = "sections[1].questions[6]";
    static final String THANKS = "sections[1].questions[7]";

    private static final String STRUCTURE_YAML = """
            id: tiny
            version: 1
            languages: [en, hi]
            default_language: en
            sections:
              - id: consent
                questions:
                  - id: welcome
                    kind: info
                  - id: adult
                    kind: single
                    skip: false
                    dont_know: false
                    options:
                      - id: yes
                      - id: no
                        action: end
                        message: underage_exit
                      - id: why
                        action: explain
                        message: why_we_ask
                  - id: share
                    kind: multi
                    options:
                      - id: totals
                        locked: true
                      - id: quotes
                      - id: nothing
                        exclusive: true
              - id: event
                questions:
                  - id: when
                    kind: month_year
                  - id: state
                    kind: single
                    options:
                      - id: mh
                      - id: ka
                  - id: district
                    kind: single
                    options:
                      - id: pune
                        show_if: {question: state, any_of: [mh]}
                      - id: mysuru
                        show_if: {question: state, any_of: [ka]}
                  - id: phone
                    kind: single
                    sensitive: true
                    options:
                      - id: on
                      - id: off
                        tags: [phone_off]
                        urgent: true
                  - id: people
                    kind: number_band
                    options:
                      - id: few
                        min: 1
                        max: 5
                      - id: many
                        min: 6
                  - id: taken
                    kind: single
                    options:
                      - id: station
                        tags: [detained]
                      - id: not_taken
                  - id: where
                    kind: text
                    show_if: {question: taken, none_of: [not_taken]}
                  - id: thanks
                    kind: info
            """;

    private static final String EN_YAML = """
            language: en
            language_name: English
            messages:
              choose_language: "Choose your language"
              underage_exit: "This is only for people 18 or older. Thank you for your time."
              why_we_ask: "We ask so that the collective can count what happened."
              receipt: "Saved. Your receipt is {receipt}."
            sections:
              consent: "Before we begin"
              event: "What happened"
            questions:
              welcome:
                text: "Nothing you say here carries your name."
              adult:
                text: "Are you 18 or older?"
                short: "18 or older"
                options:
                  yes: "Yes"
                  no: "No"
                  why: "Why do you ask?"
              share:
                text: "What may the collective use?"
                options:
                  totals: "Count it in totals"
                  quotes: "Quote my words"
                  nothing: "Nothing more"
              when:
                text: "When did the police come?"
                short: "When"
              state:
                text: "In which state?"
                options:
                  mh: "Maharashtra"
                  ka: "Karnataka"
              district:
                text: "In which district?"
                options:
                  pune: "Pune"
                  mysuru: "Mysuru"
              phone:
                text: "Was your phone on or off?"
                options:
                  on: "On"
                  off: "Off"
              people:
                text: "How many police came?"
                options:
                  few: "1 to 5"
                  many: "6 or more"
              taken:
                text: "Were you taken anywhere?"
                options:
                  station: "To a police station"
                  not_taken: "Not taken"
              where:
                text: "Where were you taken?"
              thanks:
                text: "Thank you."
            """;

    private static final String HI_YAML = """
            language: hi
            language_name: हिंदी
            messages:
              choose_language: "अपनी भाषा चुनें"
              underage_exit: "यह केवल 18 या उससे अधिक उम्र के लोगों के लिए है। आपके समय के लिए धन्यवाद।"
              why_we_ask: "हम इसलिए पूछते हैं ताकि संगठन गिन सके कि क्या हुआ।"
              receipt: "सहेज लिया। आपकी रसीद {receipt} है।"
            sections:
              consent: "शुरू करने से पहले"
              event: "क्या हुआ"
            questions:
              welcome:
                text: "यहाँ आप जो कहेंगी, उसमें आपका नाम नहीं होगा।"
              adult:
                text: "क्या आपकी उम्र 18 या उससे अधिक है?"
                short: "18+"
                options:
                  yes: "हाँ"
                  no: "नहीं"
                  why: "आप क्यों पूछ रहे हैं?"
              share:
                text: "संगठन किसका उपयोग कर सकता है?"
                options:
                  totals: "कुल गिनती में शामिल करें"
                  quotes: "मेरे शब्द उद्धृत करें"
                  nothing: "और कुछ नहीं"
              when:
                text: "पुलिस कब आई?"
                short: "कब"
              state:
                text: "किस राज्य में?"
                options:
                  mh: "महाराष्ट्र"
                  ka: "कर्नाटक"
              district:
                text: "किस ज़िले में?"
                options:
                  pune: "पुणे"
                  mysuru: "मैसूरु"
              phone:
                text: "आपका फ़ोन चालू था या बंद?"
                options:
                  on: "चालू"
                  off: "बंद"
              people:
                text: "कितने पुलिसवाले आए?"
                options:
                  few: "1 से 5"
                  many: "6 या अधिक"
              taken:
                text: "क्या आपको कहीं ले जाया गया?"
                options:
                  station: "पुलिस थाने"
                  not_taken: "कहीं नहीं"
              where:
                text: "आपको कहाँ ले जाया गया?"
              thanks:
                text: "धन्यवाद।"
            """;

    private final Map<String, String> files;

    private TinyQuestionnaire(Map<String, String> files) {
        this.files = files;
    }

    static TinyQuestionnaire valid() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(STRUCTURE, STRUCTURE_YAML);
        files.put(EN, EN_YAML);
        files.put(HI, HI_YAML);
        return new TinyQuestionnaire(files);
    }

    Map<String, String> files() {
        return Map.copyOf(files);
    }

    String file(String name) {
        String content = files.get(name);
        if (content == null) {
            throw new IllegalArgumentException("the fixture has no " + name);
        }
        return content;
    }

    /** Replaces text that occurs exactly once in the file. */
    TinyQuestionnaire replace(String file, String target, String replacement) {
        String content = file(file);
        int at = content.indexOf(target);
        if (at < 0 || content.indexOf(target, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + target + "' must occur exactly once in " + file);
        }
        return with(file, content.substring(0, at) + replacement + content.substring(at + target.length()));
    }

    /** Inserts lines (each ending in a newline) after the line holding the anchor, which occurs exactly once. */
    TinyQuestionnaire insertAfter(String file, String anchor, String lines) {
        String content = file(file);
        int at = content.indexOf(anchor);
        if (at < 0 || content.indexOf(anchor, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + anchor + "' must occur exactly once in " + file);
        }
        int endOfLine = content.indexOf('\n', at) + 1;
        return with(file, content.substring(0, endOfLine) + lines + content.substring(endOfLine));
    }

    TinyQuestionnaire delete(String file, String text) {
        return replace(file, text, "");
    }

    TinyQuestionnaire with(String file, String content) {
        Map<String, String> copy = new LinkedHashMap<>(files);
        copy.put(file, content);
        return new TinyQuestionnaire(copy);
    }

    TinyQuestionnaire without(String file) {
        file(file);
        Map<String, String> copy = new LinkedHashMap<>(files);
        copy.remove(file);
        return new TinyQuestionnaire(copy);
    }

    QuestionnaireLoader.Source source() {
        Map<String, String> snapshot = files();
        return name -> Optional.ofNullable(snapshot.get(name));
    }

    Questionnaire load() {
        return QuestionnaireLoader.load(source());
    }

    /** The problems the loader reports; fails the test when it accepts the folder. */
    List<QuestionnaireException.Problem> problems() {
        try {
            load();
        } catch (QuestionnaireException e) {
            return e.problems();
        }
        throw new AssertionError("expected the questionnaire to be refused, but it loaded");
    }
}
