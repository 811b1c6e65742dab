package org.gawahi.bot.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gawahi.storage.crypto.KeyInfo;
import org.gawahi.storage.crypto.KeyState;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.VaultException;
import org.gawahi.storage.crypto.WrongPassphraseException;
import org.gawahi.storage.db.DataDirectoryLock;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.db.StorageException;
import org.gawahi.storage.drafts.DraftTable;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Checks a data directory without changing it: files and their permissions, the keys and the
 * state they allow, the database's PRAGMAs (read from a live connection) and schema version,
 * and how many drafts and testimonies there are. Never shows key material or content.
 * Exit code 0 when all is well, 2 when something needs fixing (each problem says how).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the data directory, keys, permissions and database; change nothing.")
final class DoctorCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final List<String> problems = new ArrayList<>();
    private PrintStream out;

    @Override
    public Integer call() {
        CliEnvironment env = GawahiCommand.environment(spec);
        out = env.out();
        Path dir = DataDirectory.resolve(env);
        out.println("Gawahi doctor: data directory " + dir);
        if (!Files.isDirectory(dir)) {
            problem("the data directory does not exist: run `gawahi keys init`, or set " + DataDirectory.VARIABLE
                    + " to the directory that holds your database and keys");
            return verdict();
        }
        checkPrivate(dir, "data directory", "700");
        Optional<KeyState> state = checkKeys(env, dir);
        checkDatabase(dir, state);
        checkRecords(env, dir, state);
        return verdict();
    }

    /** Every testimony row, when the passphrase is given and the database is current (see {@link RecordCheck}). */
    private void checkRecords(CliEnvironment env, Path dir, Optional<KeyState> state) {
        Optional<String> passphrase = env.variable(Passphrases.VARIABLE);
        if (passphrase.isEmpty() || state.isEmpty() || state.get().readiness() != KeyState.Readiness.INTAKE_ONLY
                || !Files.exists(dir.resolve(Database.FILE_NAME))
                || Database.schemaVersionOf(dir).orElse(0) != Database.latestSchemaVersion()) {
            return;
        }
        Set<String> keyIds = state.get().collectiveKeys().stream().map(KeyInfo::keyId).collect(Collectors.toSet());
        try (Opener opener = new Keys(dir, new SecureRandom(), Clock.systemUTC())
                .unlock(org.gawahi.config.secret.Secret.of(passphrase.get()));
             Database db = Database.openExisting(dir)) {
            for (RecordCheck.Finding f : new RecordCheck(db, opener, keyIds).check()) {
                switch (f.kind()) {
                    case OK -> ok(f.line());
                    case NOTE -> note(f.line());
                    case PROBLEM -> problem(f.line());
                }
            }
        } catch (VaultException | StorageException e) {
            // said above, by the key and database checks
        }
    }

    private Optional<KeyState> checkKeys(CliEnvironment env, Path dir) {
        Path keysDir = dir.resolve("keys");
        if (Files.isDirectory(keysDir)) {
            checkPrivate(keysDir, "keys directory", "700");
        }
        Keys keys = new Keys(dir, new SecureRandom(), Clock.systemUTC());
        KeyState state;
        try {
            state = keys.state();
        } catch (VaultException e) {
            problem(Failures.explain(e).orElse(e.getMessage()));
            return Optional.empty();
        }
        for (KeyInfo key : state.collectiveKeys()) {
            ok("collective key " + key.keyId() + ": " + key.status().name().toLowerCase(Locale.ROOT) + ", generation "
                    + key.generation() + ", created " + key.created() + ", fingerprint " + key.fingerprint().grouped());
            if (key.legacyId()) {
                note("collective key " + key.keyId() + ": " + KeysStatusCommand.legacy(key));
            }
        }
        try (Stream<Path> files = Files.isDirectory(keysDir) ? Files.list(keysDir) : Stream.empty()) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".incomplete-")) {
                    note("leftover temporary file " + file + " from an interrupted key write; it can be deleted");
                } else {
                    checkPrivate(file, "file " + name, "600");
                }
            }
        } catch (java.io.IOException e) {
            problem("cannot list " + keysDir + " (" + e.getClass().getSimpleName() + "): check its permissions");
        }
        switch (state.readiness()) {
            case NO_KEYS -> problem("no keys: run `gawahi keys init`");
            case INCOMPLETE -> problem(KeysStatusCommand.describe(state.readiness()));
            case INTAKE_ONLY -> {
                Optional<Opener> opener = checkPassphrase(env, keys);
                try {
                    checkIntake(env, keys, state, opener);
                } finally {
                    opener.ifPresent(Opener::close);
                }
            }
        }
        return Optional.of(state);
    }

    /** The passphrase's keys when GAWAHI_PASSPHRASE opens every collective key; close them. */
    private Optional<Opener> checkPassphrase(CliEnvironment env, Keys keys) {
        Optional<String> passphrase = env.variable(Passphrases.VARIABLE);
        if (passphrase.isEmpty()) {
            ok("key state: intake-only (" + Passphrases.VARIABLE + " is not set): testimonies are sealed, "
                    + "reading them needs the passphrase");
            return Optional.empty();
        }
        try {
            Opener opener = keys.unlock(org.gawahi.config.secret.Secret.of(passphrase.get()));
            ok("key state: unlocked-capable: the passphrase in " + Passphrases.VARIABLE + " opens every collective key");
            return Optional.of(opener);
        } catch (WrongPassphraseException e) {
            problem(Passphrases.VARIABLE + " is set but does not open the collective key: correct it, or unset it "
                    + "to run intake-only");
        } catch (VaultException e) {
            problem(Failures.explain(e).orElse(e.getMessage()));
        }
        return Optional.empty();
    }

    /** Whether the bot, started as this environment says (pin, passphrase), would seal, and to which key. */
    private void checkIntake(CliEnvironment env, Keys keys, KeyState state, Optional<Opener> opener) {
        Optional<org.gawahi.config.settings.KeyFingerprint> pin;
        try {
            pin = KeysStatusCommand.pin(env);
        } catch (UserFacingException e) {
            problem(e.getMessage());
            return;
        }
        try {
            keys.intakeSealer(pin, opener);
        } catch (VaultException e) {
            problem("intake refused: " + e.getMessage());
            return;
        }
        String intake = "intake: " + KeysStatusCommand.intake(state, pin);
        if (pin.isPresent()) {
            ok(intake);
        } else {
            note(intake);
        }
    }

    private void checkDatabase(Path dir, Optional<KeyState> state) {
        Path file = dir.resolve(Database.FILE_NAME);
        if (!Files.exists(file)) {
            note("no database yet (" + file.getFileName() + " is created by `keys init` and at the bot's first start)");
            return;
        }
        checkDataFiles(dir);
        try {
            OptionalInt version = Database.schemaVersionOf(dir);
            int latest = Database.latestSchemaVersion();
            int found = version.orElse(0);
            if (found > latest) {
                problem("the database has schema version " + found + ", newer than this Gawahi knows (" + latest
                        + "): run a newer Gawahi, or restore a backup made by this version");
                return;
            }
            try (Database db = Database.openExisting(dir)) {
                ok("database " + file.getFileName() + ": schema version " + found + (found == latest
                        ? " (current)" : " (this Gawahi migrates it to " + latest + " at the next start)"));
                checkPragmas(db);
                if (found == latest) {
                    counts(db, state);
                }
            }
        } catch (StorageException e) {
            problem(Failures.explain(e).orElse(e.getMessage()));
        }
    }

    private void checkPragmas(Database db) {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("journal_mode", "wal");
        expected.put("synchronous", "2");
        expected.put("secure_delete", "1");
        expected.put("trusted_schema", "0");
        expected.put("foreign_keys", "1");
        List<String> shown = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        expected.forEach((name, value) -> {
            String actual = db.pragma(name).toLowerCase(Locale.ROOT);
            shown.add(name + "=" + actual);
            if (!actual.equals(value)) {
                wrong.add(name + " is " + actual + ", expected " + value);
            }
        });
        shown.add("busy_timeout=" + db.pragma("busy_timeout") + "ms");
        if (wrong.isEmpty()) {
            ok("pragmas (live connection): " + String.join(" ", shown));
        } else {
            problem("pragmas: " + String.join("; ", wrong) + " (the SQLite driver on the class path is not the one "
                    + "Gawahi was built with)");
        }
    }

    private void counts(Database db, Optional<KeyState> state) {
        TestimonyTable testimonies = new TestimonyTable(db);
        Map<TestimonyStatus, Integer> byStatus = testimonies.countByStatus();
        int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        String detail = byStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        ok("contents: " + new DraftTable(db).count() + " drafts, " + total + " testimonies"
                + (detail.isEmpty() ? "" : " (" + detail + ")"));
        String active = state.flatMap(KeyState::activeKeyId).orElse("");
        testimonies.sealedCountByKey().forEach((keyId, count) -> {
            if (!keyId.equals(active)) {
                boolean onDisk = state.map(s -> s.collectiveKeys().stream().anyMatch(k -> k.keyId().equals(keyId)))
                        .orElse(false);
                if (onDisk) {
                    note(count + " testimonies are still sealed to the retired key " + keyId
                            + ": `gawahi keys rotate` re-seals them");
                } else {
                    problem(count + " testimonies are sealed to a key " + keyId + " that is not in the keys directory: "
                            + "restore that key file from your backup, or they can never be read");
                }
            }
        });
    }

    /** The database, its WAL and shared memory (SQLite gives them the main file's mode) and the lock: 0600. */
    private void checkDataFiles(Path dir) {
        List<String> names = new ArrayList<>(List.of(Database.FILE_NAME));
        Database.COMPANION_SUFFIXES.forEach(suffix -> names.add(Database.FILE_NAME + suffix));
        names.add(DataDirectoryLock.FILE_NAME);
        for (String name : names) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                checkPrivate(file, "data file " + name, "600");
            }
        }
    }

    /** Only the owner should read a private file or list a private directory. */
    private void checkPrivate(Path path, String what, String mode) {
        Optional<Set<PosixFilePermission>> permissions = DataDirectory.posixPermissions(path);
        if (permissions.isEmpty()) {
            note(what + ": permissions not checked (the file system has no POSIX permissions)");
            return;
        }
        String shown = PosixFilePermissions.toString(permissions.get());
        if (DataDirectory.openToOthers(permissions.get())) {
            problem(what + " " + path + " is " + shown + ", readable by others: run `chmod " + mode + " " + path + "`");
        } else {
            ok(what + ": " + shown);
        }
    }

    private void ok(String line) {
        out.println("  ok       " + line);
    }

    private void note(String line) {
        out.println("  note     " + line);
    }

    private void problem(String line) {
        problems.add(line);
        out.println("  PROBLEM  " + line);
    }

    private int verdict() {
        out.println(problems.isEmpty() ? "No problems found."
                : problems.size() + (problems.size() == 1 ? " problem needs" : " problems need") + " fixing (see PROBLEM above).");
        return problems.isEmpty() ? 0 : 2;
    }
}
