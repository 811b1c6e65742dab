package org.gawahi.storage.roles;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.config.secret.SecretBytes;
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
 * needs only the {@link Sealer}, but a write is always a read, a change and a write, so in
 * practice both.
 */
public final class Roles {
    static final String KIND = "roles";
    static final String ROW_ID = "1";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RoleTable table;
    private final SecureRandom random;

    public Roles(Database db, SecureRandom random) {
        this.table = new RoleTable(Objects.requireNonNull(db, "db"));
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Opens the role table; an empty one, with a new pseudonym key, when none was ever saved.
     *
     * @throws CannotOpenException when the stored table does not open with these keys
     */
    public RoleBook open(Opener opener) throws CannotOpenException {
        Objects.requireNonNull(opener, "opener");
        Optional<RoleTable.Row> row = table.read();
        if (row.isEmpty()) {
            return new RoleBook(Map.of(), ActorPseudonyms.generate(random));
        }
        try (SecretBytes plain = opener.open(row.get().sealed(), associatedData(row.get().keyId()))) {
            return decode(plain);
        }
    }

    /** Seals the role table to the active key and stores it, in the caller's transaction if any. */
    public void save(RoleBook book, Sealer sealer) {
        Objects.requireNonNull(book, "book");
        try (SecretBytes plain = encode(book)) {
            byte[] sealed = sealer.seal(plain, associatedData(sealer.keyId()));
            table.write(new RoleTable.Row(sealer.keyId(), sealed));
        }
    }

    /** The key the stored table is sealed to; empty when no role was ever granted. */
    public Optional<String> sealedToKeyId() {
        return table.read().map(RoleTable.Row::keyId);
    }

    /**
     * Re-seals the table to {@code sealer}'s key (key rotation). True when it is sealed to that
     * key afterwards, or there is no table; false when it did not open.
     */
    public boolean reseal(Opener opener, Sealer sealer) {
        Optional<String> keyId = sealedToKeyId();
        if (keyId.isEmpty() || keyId.get().equals(sealer.keyId())) {
            return true;
        }
        try (RoleBook book = open(opener)) {
            save(book, sealer);
            return true;
        } catch (CannotOpenException e) {
            return false;
        }
    }

    static byte[] associatedData(String keyId) {
        return AssociatedData.of(KIND, ROW_ID, FORMAT_VERSION, keyId).bytes();
    }

    private static SecretBytes encode(RoleBook book) {
        Map<String, List<String>> grants = new TreeMap<>();
        book.holders().forEach((user, roles) -> grants.put(Long.toString(user), roles.stream().map(Role::name).toList()));
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

    private static RoleBook decode(SecretBytes plain) {
        byte[] key = null;
        try {
            Wire wire = JSON.readValue(plain.bytes(), Wire.class);
            if (wire.version() != FORMAT_VERSION || wire.actorKey() == null) {
                throw new StorageException("The role table was written by a newer Gawahi; run that version.");
            }
            key = Base64.getDecoder().decode(wire.actorKey());
            Map<Long, Set<Role>> grants = new HashMap<>();
            if (wire.grants() != null) {
                for (var e : wire.grants().entrySet()) {
                    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
                    e.getValue().forEach(name -> roles.add(Role.valueOf(name)));
                    grants.put(Long.parseLong(e.getKey()), roles);
                }
            }
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
