package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartChecksTest {
    @TempDir
    Path tmp;

    @Test
    void warnsButStartsWhenOthersCanReadTheKeys() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"), PosixFilePermissions.asFileAttribute(
                DataDirectory.OWNER_ONLY));
        Path keys = Files.createDirectory(data.resolve("keys"), PosixFilePermissions.asFileAttribute(
                DataDirectory.OWNER_ONLY));
        Files.writeString(keys.resolve("collective-x.key"), "x");
        Files.setPosixFilePermissions(keys.resolve("collective-x.key"), PosixFilePermissions.fromString("rw-r--r--"));
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();

        StartChecks.dataDirectory(data, new PrintStream(warnings, true, StandardCharsets.UTF_8));

        assertThat(warnings.toString(StandardCharsets.UTF_8)).startsWith("Warning: other users")
                .contains("keys/collective-x.key", "chmod -R go-rwx").hasLineCount(1);
    }

    @Test
    void saysNothingWhenOnlyTheOwnerCanRead() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"), PosixFilePermissions.asFileAttribute(
                DataDirectory.OWNER_ONLY));
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();

        StartChecks.dataDirectory(data, new PrintStream(warnings, true, StandardCharsets.UTF_8));

        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void refusesADirectoryOthersMayWriteEvenWithoutGroupRights() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx---rwx"));

        assertThatThrownBy(() -> StartChecks.dataDirectory(data, new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("every user");
    }

    private static CliEnvironment terminal(List<String> prompts, Optional<String> typed) {
        return new CliEnvironment(Map.of(), Path.of("."), new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), prompt -> {
                    prompts.add(prompt);
                    return typed.map(String::toCharArray);
                });
    }

    @Test
    void runAsksForThePassphraseAtATerminalAndSaysEnterAloneIsIntakeOnly() {
        List<String> prompts = new ArrayList<>();

        assertThat(RunCommand.askPassphrase(terminal(prompts, Optional.of("")))).isEmpty();
        assertThat(prompts).singleElement().asString().contains("Enter alone starts intake-only");
        assertThat(RunCommand.askPassphrase(terminal(prompts, Optional.of("typed words"))).orElseThrow()
                .matches("typed words")).isTrue();
        assertThat(RunCommand.askPassphrase(terminal(prompts, Optional.empty()))).isEmpty();
    }
}
