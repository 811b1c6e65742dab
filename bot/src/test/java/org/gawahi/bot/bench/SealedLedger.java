package org.gawahi.bot.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;

/**
 * What a stopped bot left in its data directory, read as the collective would: every sealed
 * testimony opened with the passphrase, and looked up by the free-text canary each simulated
 * person typed; receipts looked up as the bot looks them up.
 */
public final class SealedLedger {
    /** How many opened testimonies carry each canary (a canary is found inside any free-text answer). */
    public final Map<String, Integer> testimoniesByCanary = new HashMap<>();
    public final Map<String, Optional<TestimonyStatus>> statusByReceipt = new HashMap<>();
    public final Map<String, Boolean> draftByCanary = new HashMap<>();
    /** Whether her draft holds her own free text: a testimony half given, not a conversation just begun. */
    public final Map<String, Boolean> answeredDraftByCanary = new HashMap<>();
    public final String integrity;
    public final int testimonies;

    /** {@code canaries} by chat id; {@code receipts} as noted by the people (digits). */
    public SealedLedger(Path data, Map<Long, String> canaries, List<String> receipts) throws Exception {
        try (TestStorage storage = TestStorage.create(data); Opener opener = storage.unlock()) {
            integrity = storage.db.inTransaction(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA integrity_check")) {
                    return rs.next() ? rs.getString(1) : "no answer";
                }
            });
            List<TestimonyTable.Row> rows = new TestimonyTable(storage.db).sealedRows();
            testimonies = rows.size();
            canaries.values().forEach(canary -> testimoniesByCanary.put(canary, 0));
            for (TestimonyTable.Row row : rows) {
                try (SecretBytes plain = opener.open(row.sealed(),
                        SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId()))) {
                    TestimonyContent content = TestimonyContent.fromJson(plain);
                    for (String canary : canaries.values()) {
                        if (content.texts().values().stream().anyMatch(text -> text.contains(canary))) {
                            testimoniesByCanary.merge(canary, 1, Integer::sum);
                        }
                    }
                }
            }
            for (String receipt : receipts) {
                statusByReceipt.put(receipt, ReceiptCode.parse(receipt).flatMap(storage.submissions::status));
            }
            for (Map.Entry<Long, String> e : canaries.entrySet()) {
                Optional<SecretBytes> draft = storage.drafts.load(ChatRef.of(e.getKey()));
                draftByCanary.put(e.getValue(), draft.isPresent());
                answeredDraftByCanary.put(e.getValue(), draft.map(bytes -> {
                    try (bytes) {
                        return bytes.utf8String().contains(e.getValue());
                    }
                }).orElse(false));
            }
        }
    }

    public static String canary(int person) {
        return "Canary-" + person + "-end";
    }
}
