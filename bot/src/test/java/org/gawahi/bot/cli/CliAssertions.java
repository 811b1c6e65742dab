package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refusal looks like: exit code 2, one paragraph on stderr, no stack trace. */
final class CliAssertions {
    private CliAssertions() {
    }

    static void assertExplained(Cli.Result result, String... mentions) {
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(2);
        String err = result.err().strip();
        assertThat(err).isNotEmpty().doesNotContain("\tat ", "Caused by", "\n\n");
        assertThat(err).contains(mentions);
    }
}
