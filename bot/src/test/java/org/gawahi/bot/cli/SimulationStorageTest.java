package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.contact.ContactHandles;
import org.gawahi.storage.testimony.Arrival;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rehearsal's person is a conversation of the terminal, not an invented Telegram chat: nothing
 * can reach a terminal later, so a rehearsal that asks for a message back is sealed with its
 * answers and keeps no contact handle.
 */
class SimulationStorageTest {
    @TempDir
    Path work;

    private CliEnvironment env() {
        return new CliEnvironment(Map.of(), work, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), prompt -> Optional.empty());
    }

    @Test
    void aRehearsalIsATerminalConversationAndKeepsNoContactHandle() throws Exception {
        new Cli(work).passphrase(TestStorage.PASSPHRASE.reveal()).run("keys", "init");
        ReceiptCode receipt;
        try (SimulationStorage rehearsal = SimulationStorage.open(env(), Clock.systemUTC());
             SimulationStorage next = SimulationStorage.open(env(), Clock.systemUTC())) {
            assertThat(rehearsal.chat.conversation().channel()).isEqualTo("terminal");
            assertThat(rehearsal.chat).isNotEqualTo(next.chat);

            receipt = rehearsal.submissions.submit(rehearsal.chat, SecretBytes.utf8("{\"u2\":\"bot\"}"),
                    new Arrival(true, Optional.of("hi")));
        }
        try (TestStorage storage = TestStorage.create(work.resolve("data"))) {
            assertThat(storage.submissions.status(receipt)).contains(TestimonyStatus.PENDING);
            TestimonyTable.Row row = new TestimonyTable(storage.db).sealedRows().get(0);
            assertThat(new ContactHandles(storage.db).exists(row.id())).isFalse();
        }
    }
}
