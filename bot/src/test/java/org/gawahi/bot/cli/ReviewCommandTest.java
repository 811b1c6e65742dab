package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditEntry;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.contact.ContactHandles;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.Arrival;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {
    private static final String PASSPHRASE = TestStorage.PASSPHRASE.reveal();
    private static final String CANARY = "CANARY-91c4-landlord-name";

    @TempDir
    Path work;

    private Path data;

    @BeforeEach
    void keysAndTestimonies() throws Exception {
        data = work.resolve("data");
        assertThat(new Cli(work).passphrase(PASSPHRASE).run("keys", "init").exitCode()).isZero();
        try (TestStorage storage = TestStorage.create(data)) {
            storage.submissions.submit(ChatRef.of(1), new TestimonyContent("raid", 1, "en", Map.of(),
                    Map.of("q29", "The raid was at night; " + CANARY + " called them.")).toJson());
            storage.submissions.submit(ChatRef.of(2), new TestimonyContent("raid", 1, "en",
                    Map.of("q24", List.of("not_returned")), Map.of("q29", "second")).toJson(), true);
        }
    }

    private List<AuditAction> auditActions() {
        try (Database db = Database.open(data)) {
            return new AuditLog(db, Clock.systemUTC()).entries(1, 1000).stream().map(AuditEntry::action).toList();
        }
    }

    private Map<TestimonyStatus, Integer> statuses() {
        try (Database db = Database.open(data)) {
            return new TestimonyTable(db).countByStatus();
        }
    }

    @Test
    void reviewsUrgentFirstRedactsLinksAndDecides() {
        // urgent one: reject as a duplicate; then the other: redact, link to a new raid, approve
        String script = String.join("\n", "r", "1", "e", "1", "The raid was at night.", "l", "n", "a", "");
        Cli.Result r = new Cli(work).passphrase(PASSPHRASE).stdin(script).run("review");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("Urgent, waiting: 1").contains("URGENT").contains(CANARY)
                .contains("Audit head: ");
        assertThat(statuses()).containsEntry(TestimonyStatus.APPROVED, 1).containsEntry(TestimonyStatus.REJECTED, 1);
        assertThat(auditActions()).containsExactly(AuditAction.TESTIMONY_VIEWED, AuditAction.TESTIMONY_REJECTED,
                AuditAction.TESTIMONY_VIEWED, AuditAction.TESTIMONY_REDACTED, AuditAction.TESTIMONY_VIEWED,
                AuditAction.EVENT_CREATED, AuditAction.EVENT_LINKED, AuditAction.TESTIMONY_VIEWED,
                AuditAction.TESTIMONY_APPROVED);
        try (Database db = Database.open(data)) {
            assertThat(new AuditLog(db, Clock.systemUTC()).verify().ok()).isTrue();
        }
    }

    @Test
    void refusesALongerRedactionAndKeepsTheText() {
        String script = String.join("\n", "s", "e", "1", "x".repeat(500), "q", "");
        Cli.Result r = new Cli(work).passphrase(PASSPHRASE).stdin(script).run("review");
        assertThat(r.out()).contains("longer than the original");
        assertThat(auditActions()).doesNotContain(AuditAction.TESTIMONY_REDACTED);
    }

    @Test
    void exportWritesApprovedTestimoniesOnlyAfterAWarning() throws Exception {
        new Cli(work).passphrase(PASSPHRASE).stdin(String.join("\n", "s", "a", "")).run("review");
        Cli.Result r = new Cli(work).passphrase(PASSPHRASE)
                .run("export", "--approved", "--format", "jsonl", "--to", "archive.jsonl");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.err()).contains("WARNING");
        List<String> lines = Files.readAllLines(work.resolve("archive.jsonl"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(CANARY).contains("\"questionnaire\":\"raid\"");
        assertThat(auditActions()).endsWith(AuditAction.EXPORT);
        // The export file holds the canary, which is its point; the data directory does not.
        assertThat(new LeakScan().text("canary", CANARY).findIn(LeakScan.filesUnder(data))).isEmpty();
    }

    @Test
    void exportNeverOverwritesAndNeedsThePassphrase() throws Exception {
        Cli.Result wrong = new Cli(work).passphrase("a wrong passphrase entirely")
                .run("export", "--approved", "--to", "archive.jsonl");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(work.resolve("archive.jsonl")).doesNotExist();
        Files.writeString(work.resolve("archive.jsonl"), "old");
        Cli.Result exists = new Cli(work).passphrase(PASSPHRASE).run("export", "--approved", "--to", "archive.jsonl");
        assertThat(exists.exitCode()).isEqualTo(2);
        assertThat(exists.err()).contains("never overwrites");
        assertThat(Files.readString(work.resolve("archive.jsonl"))).isEqualTo("old");
    }

    @Test
    void showsThatSheAskedForContactAndClosesTheCaseButCannotSend() throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            storage.submissions.submit(ChatRef.of(3), new TestimonyContent("raid", 1, "en",
                    Map.of("u1", List.of("aggregate", "contact"), "u2", List.of("bot")), Map.of()).toJson(),
                    new Arrival(false, Optional.of("en")));
        }
        // the urgent one first, then the other two in either order: close the case wherever it is offered,
        // confirming with y (where nothing asks, the y is a wrong menu choice and changes nothing)
        String script = String.join("\n", "s", "c", "y", "s", "c", "y", "s", "q", "");
        Cli.Result r = new Cli(work).passphrase(PASSPHRASE).stdin(script).run("review");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains(ReviewCommand.CONTACT_NOTE).contains(ReviewCommand.CONTACT_MENU)
                .contains("Case closed").contains("no way to reach its author");
        assertThat(auditActions()).containsOnlyOnce(AuditAction.CONTACT_HANDLE_ERASED)
                .doesNotContain(AuditAction.CONTACT_MESSAGE_SENT, AuditAction.CONTACT_REFUSED);
        try (Database db = Database.open(data)) {
            assertThat(new TestimonyTable(db).sealedRows()).noneMatch(row -> new ContactHandles(db).exists(row.id()));
        }
    }

    @Test
    void closingACaseAsksFirstAndAnythingButYesLeavesItOpen() throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            storage.submissions.submit(ChatRef.of(3), new TestimonyContent("raid", 1, "en",
                    Map.of("u1", List.of("aggregate", "contact"), "u2", List.of("bot")), Map.of()).toJson(),
                    new Arrival(false, Optional.of("en")));
        }
        String script = String.join("\n", "s", "c", "", "s", "c", "", "s", "q", "");

        Cli.Result r = new Cli(work).passphrase(PASSPHRASE).stdin(script).run("review");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("Close the case?", "[y/N]", "The case stays open.").doesNotContain("Case closed");
        assertThat(auditActions()).doesNotContain(AuditAction.CONTACT_HANDLE_ERASED);
        try (Database db = Database.open(data)) {
            assertThat(new TestimonyTable(db).sealedRows()).anyMatch(row -> new ContactHandles(db).exists(row.id()));
        }
    }
}
