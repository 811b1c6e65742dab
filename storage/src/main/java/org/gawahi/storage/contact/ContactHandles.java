package org.gawahi.storage.contact;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.conversation.TelegramIds;
import org.gawahi.storage.crypto.AssociatedData;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.db.StorageException;
import org.gawahi.storage.drafts.ChatRef;

/**
 * Contact handles: for a testimony whose author asked for one message back through the bot,
 * her chat id and language sealed to the collective key like the testimony itself (padded,
 * so every handle seals to the same length), bound to the testimony's id. Sealing needs only
 * the public key, so an intake-only server keeps handles it cannot read; opening needs the
 * unlocked keys. A seized server learns only which testimonies have a handle.
 *
 * <p>Every method joins the caller's transaction, so a handle is stored with its testimony and
 * erased with its withdrawal, or neither. An erased row is overwritten in the file
 * ({@code secure_delete}); callers checkpoint the WAL afterwards where they can.
 */
public final class ContactHandles {
    static final String KIND = "contact";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a re-sealing pass went; {@code keyIdsInUse}: every key some handle is still sealed to. */
    public record Resealed(int resealed, int failed, Map<String, Integer> keyIdsInUse) {
        public Resealed {
            keyIdsInUse = Map.copyOf(keyIdsInUse);
        }
    }

    private final Database db;
    private final ContactHandleTable table;

    public ContactHandles(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = new ContactHandleTable(db);
    }

    static byte[] associatedData(String testimonyId, String keyId) {
        return AssociatedData.of(KIND, testimonyId, FORMAT_VERSION, keyId).bytes();
    }

    /**
     * Seals her chat and language to {@code sealer}'s key and stores them for the testimony.
     *
     * @throws IllegalArgumentException for a chat that is not a Telegram one: a handle holds her
     *                                  Telegram chat id, as every release wrote it, and nothing
     *                                  else can reach her yet
     */
    public void keep(String testimonyId, ChatRef chat, String language, Sealer sealer) {
        Objects.requireNonNull(testimonyId, "testimonyId");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(language, "language");
        if (!chat.conversation().isTelegram()) {
            throw new IllegalArgumentException("a contact handle reaches a Telegram chat only");
        }
        try (SecretBytes plain = encode(chat, language)) {
            byte[] sealed = sealer.seal(plain, associatedData(testimonyId, sealer.keyId()));
            table.insert(new ContactHandleTable.Row(testimonyId, sealer.keyId(), sealed));
        }
    }

    /** Whether the testimony still has a way back to its author. Needs no keys. */
    public boolean exists(String testimonyId) {
        return table.find(testimonyId).isPresent();
    }

    /**
     * The handle, opened; empty when there is none (never asked, or erased).
     *
     * @throws CannotOpenException when it does not open with these keys (damaged, or moved to another row)
     */
    public Optional<ContactHandle> open(String testimonyId, Opener opener) throws CannotOpenException {
        Optional<ContactHandleTable.Row> row = table.find(testimonyId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        try (SecretBytes plain = opener.open(row.get().sealed(), associatedData(testimonyId, row.get().keyId()))) {
            return Optional.of(decode(testimonyId, plain));
        }
    }

    /** Deletes the handle; true only for the one caller that deleted it. */
    public boolean erase(String testimonyId) {
        return table.delete(testimonyId);
    }

    /** Re-seals every handle not sealed to {@code sealer}'s key (key rotation); one that does not open stays. */
    public Resealed resealAll(Opener opener, Sealer sealer) {
        int[] counts = {0, 0};
        db.run(c -> {
            for (String id : table.idsNotSealedTo(sealer.keyId())) {
                ContactHandleTable.Row row = table.find(id).orElseThrow();
                try (SecretBytes plain = opener.open(row.sealed(), associatedData(id, row.keyId()))) {
                    table.reseal(id, row.keyId(), sealer.keyId(), sealer.seal(plain, associatedData(id, sealer.keyId())));
                    counts[0]++;
                } catch (CannotOpenException e) {
                    counts[1]++;
                }
            }
        });
        return new Resealed(counts[0], counts[1], table.countByKey());
    }

    static SecretBytes encode(ChatRef chat, String language) {
        try {
            return SecretBytes.adopt(JSON.writeValueAsBytes(new Wire(FORMAT_VERSION, TelegramIds.id(chat.conversation()), language)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a contact handle", e);
        }
    }

    static ContactHandle decode(String testimonyId, SecretBytes plain) {
        try {
            Wire wire = JSON.readValue(plain.bytes(), Wire.class);
            if (wire.version() != FORMAT_VERSION || wire.language() == null) {
                throw new StorageException("A contact handle was written by a newer Gawahi; run that version.");
            }
            return new ContactHandle(testimonyId, ChatRef.of(TelegramIds.conversation(wire.chat())), wire.language());
        } catch (IOException e) {
            throw new StorageException("A contact handle opened but cannot be read: restore it from a backup.", e);
        }
    }

    private record Wire(int version, long chat, String language) {
        @Override
        public String toString() {
            return "Wire[REDACTED]";
        }
    }
}
