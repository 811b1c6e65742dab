package org.gawahi.storage.reports;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.crypto.AssociatedData;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.Database;

/**
 * Everything published, for disclosure control across publications: each table that left the
 * process (a report in any format, from the CLI or the chat, a brief) with the value of every
 * cell it printed and the units (testimony ids, raid event ids) each cell was taken over.
 *
 * <p>Each row is sealed to the collective's public key and bound to its random id
 * ({@value #KIND}), so a seized disk without the passphrase does not say what was published,
 * when, or over whom; reading it needs the unlocked {@link Opener}, which making a report
 * needs anyway. A row that does not open (damaged, changed, copied from another row, or sealed
 * to a key this opener does not hold) is counted in {@link History#damaged()}, never skipped
 * silently: {@link Reporting} then refuses to publish, since it could not check against it.
 */
public final class DisclosureHistory {
    static final String KIND = "disclosure";
    static final int FORMAT_VERSION = 1;
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a publication was about, for whoever reads the history with the passphrase. */
    public record Scope(String from, String to, Optional<String> event) {
        public Scope {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(event, "event");
        }

        public static Scope of(ReportPeriod period) {
            return new Scope(period.fromLabel(), period.toLabel(), Optional.empty());
        }

        public static Scope event(String eventId, ReportPeriod period) {
            return new Scope(period.fromLabel(), period.toLabel(), Optional.of(eventId));
        }
    }

    /** The history as read: the published cells of each table name, and how many rows did not open. */
    public record History(Map<String, List<EarlierCell>> tables, int publications, int damaged) {
        public static final History EMPTY = new History(Map.of(), 0, 0);

        public History {
            tables = Map.copyOf(tables);
        }

        /** The published cells of every earlier table of this name ({@code <indicator>/counts}). */
        public List<EarlierCell> cells(String table) {
            return tables.getOrDefault(table, List.of());
        }

        /** Throws when any row did not open: nothing may be published unchecked. */
        public History requireIntact() {
            if (damaged > 0) {
                throw new DamagedHistoryException(damaged, publications + damaged);
            }
            return this;
        }
    }

    /** Some rows of the history did not open; the report refuses rather than publish unchecked. */
    public static final class DamagedHistoryException extends IllegalStateException {
        private final int damaged;

        public DamagedHistoryException(int damaged, int rows) {
            super(damaged + " of " + rows + " rows of the disclosure history did not open (damaged, changed outside "
                    + "Gawahi, or sealed to a key that is not unlocked); nothing is published unchecked against them. "
                    + "Unlock every key the history was sealed to, or restore the database from a backup.");
            this.damaged = damaged;
        }

        public int damaged() {
            return damaged;
        }
    }

    private final DisclosureHistoryTable table;
    private final SecureRandom random;

    public DisclosureHistory(Database db, SecureRandom random) {
        this.table = new DisclosureHistoryTable(db);
        this.random = Objects.requireNonNull(random, "random");
    }

    static byte[] associatedData(String id, String keyId) {
        return AssociatedData.of(KIND, id, FORMAT_VERSION, keyId).bytes();
    }

    /** Every publication that opens; the others counted in {@link History#damaged()}. */
    public History read(Opener opener) {
        Objects.requireNonNull(opener, "opener");
        Map<String, List<EarlierCell>> tables = new HashMap<>();
        int read = 0;
        int damaged = 0;
        for (DisclosureHistoryTable.Row row : table.all()) {
            try (SecretBytes plain = opener.open(row.sealed(), associatedData(row.id(), row.keyId()))) {
                parse(plain.bytes(), tables);
                read++;
            } catch (CannotOpenException | IOException | RuntimeException e) {
                damaged++;
            }
        }
        return new History(tables, read, damaged);
    }

    /**
     * Records what left the process: the printed cells of each table, by name. Call it before the
     * files are handed on, inside the same run that checked them against {@link #read}.
     */
    public void record(Sealer sealer, Scope scope, boolean provisional, Map<String, PublishedTable> published) {
        Objects.requireNonNull(sealer, "sealer");
        Objects.requireNonNull(scope, "scope");
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String id = HEX.formatHex(raw);
        try (SecretBytes plain = SecretBytes.adopt(serialise(scope, provisional, published))) {
            table.insert(new DisclosureHistoryTable.Row(id, sealer.keyId(),
                    sealer.seal(plain, associatedData(id, sealer.keyId()))));
        }
    }

    private static byte[] serialise(Scope scope, boolean provisional, Map<String, PublishedTable> published) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", FORMAT_VERSION);
        root.put("from", scope.from());
        root.put("to", scope.to());
        scope.event().ifPresent(e -> root.put("event", e));
        root.put("provisional", provisional);
        Map<String, Integer> unitIndex = new LinkedHashMap<>();
        ObjectNode tables = root.putObject("tables");
        published.forEach((name, t) -> {
            ArrayNode cells = tables.putArray(name);
            for (PublishedTable.Printed p : t.printed()) {
                ObjectNode cell = cells.addObject();
                cell.put("r", p.key().row());
                cell.put("c", p.key().column());
                cell.put("n", p.value());
                ArrayNode u = cell.putArray("u");
                p.units().stream().sorted().forEach(unit -> u.add(unitIndex.computeIfAbsent(unit, k -> unitIndex.size())));
            }
        });
        ArrayNode units = root.putArray("units");
        unitIndex.keySet().forEach(units::add);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("could not write a publication", e);
        }
    }

    private static void parse(byte[] json, Map<String, List<EarlierCell>> into) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root.path("v").asInt() != FORMAT_VERSION) {
            throw new IOException("unknown publication format");
        }
        List<String> units = new ArrayList<>();
        root.path("units").forEach(u -> units.add(u.asText()));
        Map<String, List<EarlierCell>> read = new HashMap<>();
        var names = root.path("tables").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            List<EarlierCell> cells = new ArrayList<>();
            for (JsonNode cell : root.path("tables").path(name)) {
                Set<String> ids = new java.util.HashSet<>();
                cell.path("u").forEach(i -> ids.add(units.get(i.asInt())));
                cells.add(EarlierCell.of(ids, cell.path("n").asLong()));
            }
            read.put(name, cells);
        }
        read.forEach((name, cells) -> into.computeIfAbsent(name, k -> new ArrayList<>()).addAll(cells));
    }
}
