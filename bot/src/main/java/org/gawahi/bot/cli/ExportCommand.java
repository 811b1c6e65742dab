package org.gawahi.bot.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.testimony.Decisions;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export --approved --format jsonl --to FILE}: the approved testimonies, decrypted,
 * one JSON object a line, for the collective's own archive. Warns first (the file is the
 * one place Gawahi writes testimonies in the clear), then asks for the passphrase; the file
 * is created readable by its owner only and never overwrites another. Audited.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the approved testimonies, decrypted, to a file (JSON lines) for the collective's archive.",
                "Needs the passphrase. The file is NOT encrypted: keep it on an encrypted disk, never on this server."})
final class ExportCommand implements Callable<Integer> {
    static final String WARNING = "WARNING: this writes every approved testimony, decrypted, to %s. Whoever gets "
            + "that file reads them all. Write it to an encrypted disk, not to this server, and delete it when it is "
            + "in the archive.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--approved", required = true, description = "Export the approved testimonies (the only choice).")
    boolean approved;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", description = "jsonl (the only choice)")
    String format;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "A new file; never overwritten.")
    Path to;

    @Override
    public Integer call() throws Exception {
        if (!"jsonl".equals(format)) {
            throw new UserFacingException("--format " + format + " is not known: use --format jsonl.");
        }
        CliEnvironment env = GawahiCommand.environment(spec);
        Path target = env.workingDirectory().resolve(to);
        if (Files.exists(target)) {
            throw new UserFacingException("The file " + target + " already exists; an export never overwrites a file. "
                    + "Choose a new name. Nothing was written.");
        }
        env.err().println(String.format(WARNING, target));
        int count = 0;
        int leftOut = 0;
        boolean done = false;
        try (Unlocked u = Unlocked.open(env); OutputStream file = createPrivate(target)) {
            Decisions decisions = u.testimonies.decisions(u.opener);
            for (TestimonyTable.Row row : u.testimonies.approved()) {
                Optional<Map<String, Object>> line = line(u, row);
                if (line.isEmpty() || !decisions.trusted(row)) {
                    env.err().println(line.isEmpty() ? "Testimony " + row.id() + " did not open (damaged, or "
                            + "sealed to a key that is not here): left out." : "Testimony " + row.id()
                            + " is marked approved but no moderator's decision verifies it (changed outside Gawahi): "
                            + "left out.");
                    leftOut++;
                    continue;
                }
                file.write(JSON.writeValueAsBytes(line.get()));
                file.write('\n');
                count++;
            }
            u.audit.append(AuditLog.OPERATOR, AuditAction.EXPORT, Optional.empty());
            env.out().println("Wrote " + count + " approved testimonies to " + target + ".");
            if (leftOut > 0) {
                env.out().println("Left out " + leftOut + (leftOut == 1 ? " testimony" : " testimonies")
                        + ", named above; `gawahi doctor` lists them.");
            }
            env.out().println("Audit head: " + u.audit.head().hash());
            done = true;
        } finally {
            if (!done && Files.exists(target)) {
                Files.delete(target); // a part of the archive is worse than none: it looks whole
            }
        }
        return 0;
    }

    /** The line for one row; empty when it does not open. */
    private static Optional<Map<String, Object>> line(Unlocked u, TestimonyTable.Row row) {
        try {
            TestimonyContent content = u.testimonies.open(row, u.opener);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", row.id());
            line.put("submitted_day", row.submittedDay().toString());
            line.put("urgent", content.urgent());
            line.put("event_id", row.eventId());
            line.put("questionnaire", content.questionnaire());
            line.put("version", content.version());
            line.put("language", content.language());
            line.put("answers", new TreeMap<>(content.answers()));
            line.put("texts", new TreeMap<>(content.texts()));
            return Optional.of(line);
        } catch (CannotOpenException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static OutputStream createPrivate(Path target) {
        try {
            if (Files.getFileAttributeView(target.toAbsolutePath().getParent(), PosixFileAttributeView.class) != null) {
                Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(target);
            }
            return Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new UserFacingException("The file " + target + " already exists; an export never overwrites a file.", e);
        } catch (IOException e) {
            throw new UserFacingException("Cannot create " + target + " (" + e.getClass().getSimpleName()
                    + "). Check that its folder exists and is writable.", e);
        }
    }
}
