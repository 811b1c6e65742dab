package org.gawahi.storage.crypto;

import java.security.SecureRandom;
import java.util.Map;
import org.gawahi.config.secret.SecretBytes;

/**
 * A rough throughput check, not a test: seals and opens a ~2 KB plaintext for a few
 * seconds each on one thread and prints the rates, plus draft encrypt/decrypt and one
 * Argon2id unwrap per profile. Run with
 * {@code java -cp storage/target/classes:storage/target/test-classes:<deps> org.gawahi.storage.crypto.VaultBenchmark [seconds]}.
 */
public final class VaultBenchmark {
    private VaultBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        SecureRandom random = new SecureRandom();
        String keyId = KeyIds.random(random);
        byte[] privateKey = Hpke.generatePrivateKey(random);
        byte[] publicKey = Hpke.publicKeyOf(privateKey);
        Sealer sealer = new HpkeSealer(keyId, publicKey, random);
        Opener opener = new HpkeOpener(Map.of(keyId, new HpkeOpener.UnlockedKey(SecretBytes.adopt(privateKey), publicKey)));
        byte[] text = new byte[2000];
        random.nextBytes(text);
        SecretBytes plaintext = SecretBytes.adopt(text);
        byte[] ad = AssociatedData.of("testimony", "bench", 1, keyId).bytes();

        byte[] sealed = sealer.seal(plaintext, ad);
        report("HPKE seal (2 KB)", seconds, () -> sealer.seal(plaintext, ad));
        report("HPKE open (2 KB)", seconds, () -> opener.open(sealed, ad).wipe());

        DraftCipher drafts = DraftCipher.generate(random);
        org.gawahi.storage.conversation.ConversationId chat = org.gawahi.storage.conversation.TelegramIds.conversation(42);
        byte[] draft = drafts.encrypt(chat, plaintext);
        report("draft encrypt (2 KB)", seconds, () -> drafts.encrypt(chat, plaintext));
        report("draft decrypt (2 KB)", seconds, () -> drafts.decrypt(chat, draft).wipe());
        report("draft row name", seconds, () -> drafts.rowName(chat));

        for (Argon2Profile profile : Argon2Profile.values()) {
            long start = System.nanoTime();
            Bytes.wipe(profile.params().deriveKey(org.gawahi.config.secret.Secret.of("benchmark"), new byte[16]));
            System.out.printf("Argon2id %-8s %6.1f ms (one derivation, cold)%n", profile, (System.nanoTime() - start) / 1e6);
        }
        opener.close();
    }

    interface Op {
        void run() throws Exception;
    }

    private static void report(String name, double seconds, Op op) throws Exception {
        long warmUpEnd = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            op.run();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long count = 0;
        while (System.nanoTime() < end) {
            op.run();
            count++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-22s %10.0f /s%n", name, count / elapsed);
    }
}
