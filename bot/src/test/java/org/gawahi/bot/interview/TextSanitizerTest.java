package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What is masked before free text is kept, form by form, and what is not: dates, amounts, times
 * and places stay, since a testimony needs them. Marks as a moderator sees them: [#phone],
 * [#id-number], [#email], [#link]. The cases are the shared vectors of
 * web/form/test/masking-vectors.json, which the Mini App form's masking (web/form/src/mask.mjs)
 * must pass too: a testimony typed in the form is masked exactly as one typed in the chat.
 */
class TextSanitizerTest {
    private final TextSanitizer sanitizer = new TextSanitizer(4000);

    static Stream<Arguments> vectors() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(VECTORS))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail(VECTORS + " not found above " + Path.of("").toAbsolutePath());
        }
        JsonNode all = new ObjectMapper().readTree(dir.resolve(VECTORS).toFile()).get("vectors");
        List<Arguments> cases = new ArrayList<>();
        all.forEach(v -> cases.add(Arguments.of(v.get("what").asText(), v.get("typed").asText(),
                v.get("kept").asText(), v.get("masked").asBoolean())));
        assertThat(cases).as("vectors").hasSizeGreaterThan(30);
        return cases.stream();
    }

    private static final String VECTORS = "web/form/test/masking-vectors.json";

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void masksIdentifiersAndKeepsWhatATestimonyNeeds(String what, String typed, String kept, boolean masked) {
        TextSanitizer.Result result = sanitizer.clean(typed);

        assertThat(result.text()).as(what).isEqualTo(kept);
        assertThat(result.masked()).as(what).isEqualTo(masked);
    }
}
