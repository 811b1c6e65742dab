package org.gawahi.bot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.KeyState;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Pseudonyms;
import org.gawahi.storage.crypto.ServerSecret;
import org.gawahi.storage.crypto.VaultException;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.drafts.InMemoryDraftStore;
import org.gawahi.storage.testimony.Arrival;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.Submissions;
import org.gawahi.storage.testimony.TestimonyStatus;

/**
 * Where a simulation keeps drafts and testimonies: the real sealed storage, intake-only
 * (the public key seals, no passphrase is needed, nothing can be read back here).
 * Every run is a new person: its own random pseudonymous chat, and drafts held in memory
 * for that run only, so that on a shared computer the next person is never welcomed back to
 * the previous person's answers, and an unfinished rehearsal leaves nothing on disk.
 * <ul>
 *   <li>in the data directory, when {@code GAWAHI_DATA_DIR} names one or {@code ./data}
 *       exists: it must hold keys ({@code keys init});</li>
 *   <li>otherwise in a throwaway directory with a demo key whose passphrase nobody ever
 *       sees, deleted when the simulation ends (also on Ctrl-C).</li>
 * </ul>
 */
final class SimulationStorage implements AutoCloseable {
    static final Duration DRAFT_TTL = Duration.ofHours(24);

    /** The channel of a rehearsal's conversation: a terminal, which no Telegram chat can be taken for. */
    static final String CHANNEL = "terminal";

    final InMemoryDraftStore drafts;
    final Submissions submissions;
    /** This run's pseudonymous chat: a random conversation of the terminal channel. */
    final ChatRef chat;
    private final Database db;
    private final Pseudonyms pseudonyms;
    private final Path throwaway;
    private final Thread cleanup;

    private SimulationStorage(Path dir, Path throwaway, Clock clock,
                              java.util.Optional<org.gawahi.config.settings.KeyFingerprint> pin) throws VaultException {
        SecureRandom random = new SecureRandom();
        Keys keys = new Keys(dir, random, clock);
        // Sealed as the bot seals: never to a key the pin or the keys directory does not vouch for.
        org.gawahi.storage.crypto.Sealer sealer = keys.intakeSealer(pin, java.util.Optional.empty());
        this.throwaway = throwaway;
        this.cleanup = throwaway == null ? null : new Thread(() -> deleteTree(throwaway), "gawahi-rehearsal-cleanup");
        if (cleanup != null) {
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
        this.db = Database.open(dir);
        try (ServerSecret secret = keys.serverSecret()) {
            this.pseudonyms = new Pseudonyms(secret);
        }
        byte[] conversation = new byte[16];
        random.nextBytes(conversation);
        this.chat = ChatRef.of(ConversationId.of(CHANNEL, conversation));
        this.drafts = new InMemoryDraftStore(clock, DRAFT_TTL);
        this.submissions = new Unreachable(new SealedSubmissions(db, sealer, pseudonyms, drafts, random, clock));
    }

    static SimulationStorage open(CliEnvironment env, Clock clock) throws VaultException {
        PrintStream err = env.err();
        Path dir = DataDirectory.resolve(env);
        if (DataDirectory.isChosen(env) || Files.isDirectory(dir)) {
            dir = DataDirectory.requireExisting(env);
            KeyState state = new Keys(dir, new SecureRandom(), clock).state();
            if (state.readiness() != KeyState.Readiness.INTAKE_ONLY) {
                throw new UserFacingException("The data directory " + dir + " has no usable keys ("
                        + KeysStatusCommand.describe(state.readiness()) + "). Run `gawahi keys init` first, or "
                        + "rehearse in a throwaway directory: unset " + DataDirectory.VARIABLE
                        + " and run from a folder without ./data.");
            }
            err.println("Testimonies are sealed into " + dir + " (intake-only: this command cannot read them back); "
                    + "an unfinished one is not kept: each run is a new person.");
            return new SimulationStorage(dir, null, clock, KeysStatusCommand.pin(env));
        }
        Path temp = createThrowaway();
        try {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Secret demo = Secret.of(Base64.getEncoder().encodeToString(random));
            // TEST strength is enough: this passphrase is never shown and the key dies with the directory.
            new Keys(temp, new SecureRandom(), clock).init(demo, Argon2Profile.TEST);
            err.println("Rehearsal: no data directory (" + DataDirectory.VARIABLE + " is unset and ./data does not "
                    + "exist), so testimonies are sealed into a throwaway one, " + temp + ", under a demo key, "
                    + "and deleted when this ends.");
            return new SimulationStorage(temp, temp, clock, java.util.Optional.empty());
        } catch (VaultException | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
    }

    private static Path createThrowaway() {
        try {
            Path temp = Files.createTempDirectory("gawahi-rehearsal-");
            if (DataDirectory.posixPermissions(temp).isPresent()) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx------"));
            }
            return temp;
        } catch (IOException e) {
            throw new UserFacingException("Cannot create a throwaway data directory in the system temp folder ("
                    + e.getClass().getSimpleName() + "). Check that it is writable, or create keys with "
                    + "`gawahi keys init` and set " + DataDirectory.VARIABLE + ".", e);
        }
    }

    @Override
    public void close() {
        try {
            drafts.close();
            pseudonyms.close();
            db.close();
        } finally {
            if (throwaway != null) {
                deleteTree(throwaway);
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to; it deletes what is left
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a temp directory the system cleans eventually
        }
    }

    /**
     * A terminal cannot be written to later, so a rehearsal that asks for a message back keeps no
     * contact handle (its answer to that question is sealed with the rest, as always).
     */
    private record Unreachable(SealedSubmissions sealed) implements Submissions {
        @Override
        public ReceiptCode submit(ChatRef chat, SecretBytes testimony) {
            return sealed.submit(chat, testimony);
        }

        @Override
        public ReceiptCode submit(ChatRef chat, SecretBytes testimony, boolean urgent) {
            return sealed.submit(chat, testimony, urgent);
        }

        @Override
        public ReceiptCode submit(ChatRef chat, SecretBytes testimony, Arrival arrival) {
            return sealed.submit(chat, testimony, Arrival.urgent(arrival.urgent()));
        }

        @Override
        public Optional<TestimonyStatus> status(ReceiptCode code) {
            return sealed.status(code);
        }

        @Override
        public boolean withdraw(ReceiptCode code) {
            return sealed.withdraw(code);
        }
    }
}
