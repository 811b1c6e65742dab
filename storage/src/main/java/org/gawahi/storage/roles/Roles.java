package org.gawahi.storage.roles;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.conversation.TelegramIds;
import org.gawahi.storage.crypto.ActorPseudonyms;
import org.gawahi.storage.crypto.AssociatedData;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.db.StorageException;

/**
 * The role table, sealed to the collective key like a testimony: the database holds one
 * sealed blob and the id of the key it is sealed to, so a seized server, intake-only or
 * powered off, names no moderator. Reading it needs the unlocked {@link Opener}; writing it
 * needs the {@link Sealer} and the opener.
 *
 * <p>Authenticated. Sealed to the public key, the table is secret but not authentic: anyone
 * with a copy of the disk can seal a replacement granting his own Telegram id admin. So every
 * write also stores an HMAC-SHA256 ({@link Opener#authenticate}, under a key derived from the
 * private key the table is sealed to) over the key id and the SHA-256 of the sealed table;
 * the disk, with every key file but no passphrase, cannot compute it. A table whose MAC does
 * not verify is refused: {@link #open} answers as if nobody held a role, and {@link #state}
 * says why ({@link #NOT_AUTHENTIC}). A table written before MACs existed is authenticated once,
 * by the run that authenticates earlier decisions ({@link #authenticateExisting}), trusting the
 * disk at that moment. Not caught: an older authentic table put back from an earlier copy (a
 * revoked moderator's grant, say), as for decisions.
 */
public final class Roles {
    static final String KIND = "roles";
    static final String ROW_ID = "1";
    static final int FORMAT_VERSION = 1;
    /** What the MAC is over, and its format's version. */
    static final String MAC_LABEL = "gawahi/role-table/v1";
    /** What an operator is told, by the CLI, the bot's log and doctor, about a table that does not verify. */
    public static final String NOT_AUTHENTIC = "The role table in the database does not verify: it was written or "
            + "changed outside Gawahi, so nobody holds a moderator, collective or admin role until an operator grants "
            + "the roles again with `gawahi roles grant`, which replaces it.";

    /** What the stored role table is worth. */
    public enum State {
        /** No role was ever granted. */
        NONE,
        /** Its MAC verifies: Gawahi wrote it. */
        AUTHENTIC,
        /** No MAC, or one that does not verify: refused, nobody holds a role. */
        NOT_AUTHENTIC
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RoleTable table;
    /**
     * The pseudonym key of the empty book {@link #open} gives when there is no table or it is
     * refused: made once per instance, so a stranger refused again and again in one run has one
     * pseudonym (and the audit's refusal budget holds) while no one is named across runs.
     */
    private final byte[] emptyBookKey = new byte[ActorPseudonyms.KEY_BYTES];

    public Roles(Database db, SecureRandom random) {
        this.table = new RoleTable(Objects.requireNonNull(db, "db"));
        Objects.requireNonNull(random, "random").nextBytes(emptyBookKey);
    }

    /**
     * Opens the role table: an empty one, with this instance's pseudonym key, when none was ever saved or
     * when the stored one does not verify ({@link #state}).
     *
     * @throws CannotOpenException when the stored table is sealed to a key this opener does not hold, or does not open
     */
    public RoleBook open(Opener opener) throws CannotOpenException {
        Objects.requireNonNull(opener, "opener");
        Optional<RoleTable.Row> row = table.read();
        if (row.isEmpty() || !verifies(opener, row.get())) {
            return new RoleBook(Map.of(), ActorPseudonyms.fromKey(emptyBookKey));
        }
        try (SecretBytes plain = opener.open(row.get().sealed(), associatedData(row.get().keyId()))) {
            return decode(plain);
        }
    }

    /**
     * Whether the stored table is Gawahi's.
     *
     * @throws CannotOpenException when it is sealed to a key this opener does not hold
     */
    public State state(Opener opener) throws CannotOpenException {
        Optional<RoleTable.Row> row = table.read();
        if (row.isEmpty()) {
            return State.NONE;
        }
        return verifies(opener, row.get()) ? State.AUTHENTIC : State.NOT_AUTHENTIC;
    }

    /** Seals the role table to the active key, authenticates it and stores it, in the caller's transaction if any. */
    public void save(RoleBook book, Sealer sealer, Opener opener) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(opener, "opener");
        try (SecretBytes plain = encode(book)) {
            byte[] sealed = sealer.seal(plain, associatedData(sealer.keyId()));
            table.write(new RoleTable.Row(sealer.keyId(), sealed, mac(opener, sealer.keyId(), sealed)));
        }
    }

    /** The key the stored table is sealed to; empty when no role was ever granted. */
    public Optional<String> sealedToKeyId() {
        return table.read().map(RoleTable.Row::keyId);
    }

    /**
     * Re-seals the table to {@code sealer}'s key (key rotation), with its MAC under that key.
     * True when it is sealed to that key afterwards, or there is no table; false when it did
     * not open or does not verify (then it is left as it was, still refused).
     */
    public boolean reseal(Opener opener, Sealer sealer) {
        Optional<RoleTable.Row> row = table.read();
        if (row.isEmpty() || row.get().keyId().equals(sealer.keyId())) {
            return true;
        }
        try {
            if (!verifies(opener, row.get())) {
                return false;
            }
            try (RoleBook book = open(opener)) {
                save(book, sealer, opener);
                return true;
            }
        } catch (CannotOpenException e) {
            return false;
        }
    }

    /**
     * Once, by the run that authenticates the decisions made before this version (when that
     * one-time run happens, and only then): authenticates a stored table that has no MAC, as
     * the disk holds it at that moment. True when it authenticated one now.
     */
    public boolean authenticateExisting(Opener opener) {
        Optional<RoleTable.Row> row = table.read();
        if (row.isEmpty() || row.get().mac() != null) {
            return false;
        }
        try {
            table.write(new RoleTable.Row(row.get().keyId(), row.get().sealed(),
                    mac(opener, row.get().keyId(), row.get().sealed())));
            return true;
        } catch (IllegalStateException e) {
            return false; // sealed to a key not unlocked: stays refused, doctor says so
        }
    }

    private static boolean verifies(Opener opener, RoleTable.Row row) throws CannotOpenException {
        byte[] expected = opener.authenticate(row.keyId(), MAC_LABEL, fields(row.keyId(), row.sealed()));
        return row.mac() != null && MessageDigest.isEqual(expected, row.mac());
    }

    private static byte[] mac(Opener opener, String keyId, byte[] sealed) {
        try {
            return opener.authenticate(keyId, MAC_LABEL, fields(keyId, sealed));
        } catch (CannotOpenException e) {
            throw new IllegalStateException("the key " + keyId + " is not unlocked", e);
        }
    }

    private static List<String> fields(String keyId, byte[] sealed) {
        try {
            return List.of(keyId, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sealed)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    static byte[] associatedData(String keyId) {
        return AssociatedData.of(KIND, ROW_ID, FORMAT_VERSION, keyId).bytes();
    }

    static SecretBytes encode(RoleBook book) {
        Map<String, List<String>> grants = new TreeMap<>();
        // A holder is written by her Telegram user id, in decimal, as every release wrote her.
        book.holders().forEach((user, roles) -> grants.put(Long.toString(TelegramIds.id(user)),
                roles.stream().map(Role::name).toList()));
        byte[] key = book.pseudonyms().exportKey();
        try {
            return SecretBytes.adopt(JSON.writeValueAsBytes(new Wire(FORMAT_VERSION,
                    Base64.getEncoder().encodeToString(key), grants)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the role table", e);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    static RoleBook decode(SecretBytes plain) {
        byte[] key = null;
        try {
            Wire wire = JSON.readValue(plain.bytes(), Wire.class);
            if (wire.version() != FORMAT_VERSION || wire.actorKey() == null) {
                throw new StorageException("The role table was written by a newer Gawahi; run that version.");
            }
            key = Base64.getDecoder().decode(wire.actorKey());
            Map<Long, Set<Role>> byId = new TreeMap<>();
            if (wire.grants() != null) {
                for (var e : wire.grants().entrySet()) {
                    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
                    e.getValue().forEach(name -> roles.add(Role.valueOf(name)));
                    byId.put(Long.parseLong(e.getKey()), roles);
                }
            }
            Map<ConversationId, Set<Role>> grants = new LinkedHashMap<>();
            byId.forEach((id, roles) -> grants.put(TelegramIds.conversation(id), roles));
            return new RoleBook(grants, ActorPseudonyms.fromKey(key));
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageException("The role table opened but cannot be read: restore it from a backup.", e);
        } finally {
            if (key != null) {
                java.util.Arrays.fill(key, (byte) 0);
            }
        }
    }

    private record Wire(int version, String actorKey, Map<String, List<String>> grants) {
        @Override
        public String toString() {
            return "Wire[REDACTED]";
        }
    }
}
