package org.gawahi.bot.interview;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The fields of a draft written by position, shared by the binary layouts 2 and 3 (3 is 2
 * without the unused format number). Strings as a length and UTF-8 ({@code -1} for none),
 * collections as a count and their items. Every length and count is checked against the bytes
 * left, so damaged bytes end as an {@link IOException}, never as a huge allocation.
 */
final class DraftFields {
    private DraftFields() {
    }

    /** From the questionnaire's id to the stage to return to, in the order of {@link Draft}. */
    static void write(Draft draft, DataOutputStream out) throws IOException {
        string(out, draft.questionnaire);
        out.writeInt(draft.version);
        string(out, draft.language);
        string(out, draft.stage == null ? null : draft.stage.name());
        string(out, draft.current);
        out.writeInt(draft.answers.size());
        for (Map.Entry<String, List<String>> answer : draft.answers.entrySet()) {
            string(out, answer.getKey());
            strings(out, answer.getValue());
        }
        out.writeInt(draft.texts.size());
        for (Map.Entry<String, String> text : draft.texts.entrySet()) {
            string(out, text.getKey());
            string(out, text.getValue());
        }
        strings(out, draft.history);
        strings(out, draft.pending);
        out.writeBoolean(draft.pendingYear != null);
        out.writeInt(draft.pendingYear == null ? 0 : draft.pendingYear);
        out.writeBoolean(draft.editing);
        string(out, draft.returnStage == null ? null : draft.returnStage.name());
    }

    static Draft read(DataInputStream in) throws IOException {
        Draft d = new Draft();
        d.questionnaire = string(in);
        d.version = in.readInt();
        d.language = string(in);
        d.stage = stage(string(in));
        d.current = string(in);
        for (int n = count(in); n > 0; n--) {
            String question = required(in);
            // An ArrayList, the one class of answer the flow meets (JitShapes.answer).
            d.answers.put(question, strings(in, new ArrayList<>()));
        }
        for (int n = count(in); n > 0; n--) {
            String question = required(in);
            d.texts.put(question, required(in));
        }
        d.history = strings(in, new ArrayList<>());
        d.pending = strings(in, new LinkedHashSet<>());
        boolean hasYear = in.readBoolean();
        int year = in.readInt();
        d.pendingYear = hasYear ? year : null;
        d.editing = in.readBoolean();
        d.returnStage = stage(string(in));
        return d;
    }

    /** The end of a draft: nothing after it, and a stage, or it is not a draft. */
    static Draft whole(Draft d, DataInputStream in) throws IOException {
        if (in.read() != -1) {
            throw new IOException("bytes after the draft");
        }
        if (d.stage == null) {
            throw new IOException("a draft without a stage");
        }
        return d;
    }

    static void tag(DataInputStream in, byte expected) throws IOException {
        if (in.readByte() != expected) {
            throw new IOException("not a draft of this format");
        }
    }

    private static Draft.Stage stage(String name) {
        return name == null ? null : Draft.Stage.valueOf(name);
    }

    static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void strings(DataOutputStream out, Collection<String> items) throws IOException {
        out.writeInt(items.size());
        for (String item : items) {
            string(out, item);
        }
    }

    static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("a length beyond the draft");
        }
        byte[] utf8 = in.readNBytes(length);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static String required(DataInputStream in) throws IOException {
        String s = string(in);
        if (s == null) {
            throw new IOException("a missing string");
        }
        return s;
    }

    /** A count of items, each at least four bytes long: no more than the bytes left can hold. */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / 4) {
            throw new IOException("a count beyond the draft");
        }
        return n;
    }

    private static <C extends Collection<String>> C strings(DataInputStream in, C into) throws IOException {
        for (int n = count(in); n > 0; n--) {
            into.add(required(in));
        }
        return into;
    }
}
