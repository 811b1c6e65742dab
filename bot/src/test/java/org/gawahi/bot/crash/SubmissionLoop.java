package org.gawahi.bot.crash;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.TestimonyContent;

/**
 * The child of {@link SubmissionCrashIT}: submits testimonies as fast as it can, each from a
 * chat with a draft, as the engine does, and prints a receipt only after {@code submit}
 * returned, that is after the durable commit (the engine's rule: a receipt shown is a
 * testimony kept). Runs until killed.
 *
 * <p>Output: one line per receipt, {@code R <receipt digits> <marker> .}, where the marker
 * (round-number) is also the testimony's free text, so the parent can find it inside the
 * sealed row. The final dot tells a whole line from one cut by the kill.
 */
public final class SubmissionLoop {
    static final long FIRST_CHAT = 555_000_000_000L;

    private SubmissionLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        try (TestStorage storage = TestStorage.create(data)) {
            for (int n = 0; ; n++) {
                String marker = round + "-" + n;
                ChatRef chat = ChatRef.of(FIRST_CHAT + round * 1_000_000L + n);
                storage.drafts.save(chat, SecretBytes.utf8("{\"draft\":\"" + marker + "\"}"));
                ReceiptCode receipt = storage.submissions.submit(chat,
                        new TestimonyContent("raid", 1, "en", Map.of(), Map.of("q29", marker)).toJson());
                out.println("R " + receipt.digits() + " " + marker + " .");
            }
        }
    }
}
