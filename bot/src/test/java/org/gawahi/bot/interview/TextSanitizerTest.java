package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What is masked before free text is kept, form by form, and what is not: dates, amounts, times
 * and places stay, since a testimony needs them. Marks as a moderator sees them: [#phone],
 * [#id-number], [#email], [#link].
 */
class TextSanitizerTest {
    private final TextSanitizer sanitizer = new TextSanitizer(4000);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // phone numbers, whatever splits the digits
            "phone, run together          | call 9876543210 now              | call [#phone] now",
            "phone, dots                  | call 98.76.54.32.10 now           | call [#phone] now",
            "phone, slashes               | call 98/76/54/32/10 now           | call [#phone] now",
            "phone, underscores           | call 98_76_54_32_10 now           | call [#phone] now",
            "phone, spaces                | call 98765 43210 now              | call [#phone] now",
            "phone, +91 and dashes        | call +91-98765-43210 now          | call [#phone] now",
            "phone, Devanagari digits     | नंबर ९८७६५४३२१० है                  | नंबर [#phone] है",
            // identity documents
            "Aadhaar 4-4-4                | aadhaar 1234 5678 9012 taken      | aadhaar [#id-number] taken",
            "Aadhaar with dots            | aadhaar 1234.5678.9012 taken      | aadhaar [#id-number] taken",
            "Aadhaar run together         | aadhaar 123456789012 taken        | aadhaar [#id-number] taken",
            "PAN                          | my PAN ABCDE1234F was seen        | my PAN [#id-number] was seen",
            "PAN in lower case            | pan abcde1234f                    | pan [#id-number]",
            "voter id (EPIC)              | voter card ABC1234567 kept        | voter card [#id-number] kept",
            "driving licence              | licence MH12 20110012345 kept     | licence [#id-number] kept",
            "driving licence, dashes      | licence MH-12-2011-0012345 kept   | licence [#id-number] kept",
            "passport                     | passport J8369854 taken           | passport [#id-number] taken",
            "ration card (a long number)  | ration card 272000123456789 kept  | ration card [#phone] kept",
            // e-mail, also spelt out
            "e-mail                       | write kamla@gmail.com please      | write [#email] please",
            "e-mail spelt out             | write kamla at gmail dot com now  | write [#email] now",
            "e-mail in brackets           | write kamla[at]gmail[dot]com now  | write [#email] now",
            "e-mail, at spelt out         | write kamla (at) gmail.com now    | write [#email] now",
            "e-mail, AT in capitals       | write KAMLA AT GMAIL DOT COM now  | write [#email] now",
            "link                         | see https://example.com/x now     | see [#link] now",
            // kept as typed
            "a date with dots             | on 12.05.2024 they came           | on 12.05.2024 they came",
            "a date with slashes          | on 12/05/2024 they came           | on 12/05/2024 they came",
            "an amount                    | they took 40000 rupees            | they took 40000 rupees",
            "a time and a count           | at 11 pm 5 policemen came         | at 11 pm 5 policemen came",
            "a place after at             | she was at Dadar. Then they left  | she was at Dadar. Then they left",
            "a word and an amount         | paid 1000000 to them              | paid 1000000 to them",
            "an FIR number                | FIR 123/2024 was filed            | FIR 123/2024 was filed"})
    void masksIdentifiersAndKeepsWhatATestimonyNeeds(String what, String typed, String kept) {
        TextSanitizer.Result result = sanitizer.clean(typed);

        assertThat(result.text()).as(what).isEqualTo(kept);
        assertThat(result.masked()).as(what).isEqualTo(!kept.equals(typed));
    }
}
