package org.gawahi.storage.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Key files as small JSON documents an operator can read:
 * <pre>{@code
 * { "format": "gawahi-key", "version": 1, "kind": "collective", "algorithm": "x25519",
 *   "keyId": "...", "generation": 1, "created": "2026-11-02T10:15:30Z",
 *   "publicKey": "<base64>",
 *   "wrap": { "kdf": "argon2id", "kdfVersion": 19, "memoryKiB": 47104, "iterations": 1,
 *             "parallelism": 1, "salt": "<base64>", "cipher": "aes-256-gcm",
 *             "nonce": "<base64>", "ciphertext": "<base64>" },
 *   "checksum": "<SHA-256 of all the above, hex>" }
 * }</pre>
 * Every field is required and none other is allowed. The checksum tells a damaged file
 * (a flipped bit, a truncation) from a wrong passphrase, which both make AES-GCM fail; it
 * is no defence against a deliberate forger, who could recompute it.
 */
final class KeyFileCodec {
    private static final String KDF = "argon2id";
    private static final String CIPHER = "aes-256-gcm";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    record Wrap(String kdf, int kdfVersion, int memoryKiB, int iterations, int parallelism, String salt,
                String cipher, String nonce, String ciphertext) {
    }

    record Document(String format, int version, String kind, String algorithm, String keyId, int generation,
                    String created, String publicKey, Wrap wrap, String checksum) {
    }

    private KeyFileCodec() {
    }

    static byte[] encode(KeyFile file) {
        Wrap wrap = new Wrap(KDF, Argon2Params.VERSION, file.kdf().memoryKiB(), file.kdf().iterations(),
                file.kdf().parallelism(), b64(file.salt()), CIPHER, b64(file.nonce()), b64(file.wrapped()));
        Document unsigned = new Document(KeyFile.FORMAT, KeyFile.FORMAT_VERSION, file.kind().prefix,
                file.kind().algorithm, file.keyId(), file.generation(), file.created().toString(),
                b64(file.publicKey()), wrap, "");
        try {
            return JSON.writeValueAsBytes(withChecksum(unsigned));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a key file document", e);
        }
    }

    /** Parses and checks a key file; any defect is reported as damage to {@code path}. */
    static KeyFile decode(Path path, KeyKind expectedKind, byte[] content) throws KeyFileException {
        String what = expectedKind.description;
        Document doc;
        try {
            doc = JSON.readValue(content, Document.class);
        } catch (java.io.IOException e) {
            throw KeyFileException.damaged(path, what);
        }
        if (!MessageDigest.isEqual(
                withChecksum(doc).checksum().getBytes(), doc.checksum().getBytes())) {
            throw KeyFileException.damaged(path, what);
        }
        if (!KeyFile.FORMAT.equals(doc.format()) || doc.version() != KeyFile.FORMAT_VERSION) {
            throw new KeyFileException(path, what + " file " + path
                    + " has a format this version of Gawahi does not know; upgrade Gawahi");
        }
        Wrap w = doc.wrap();
        try {
            KeyFile file = new KeyFile(KeyKind.fromPrefix(doc.kind()), doc.keyId(), doc.generation(),
                    Instant.parse(doc.created()), unb64(doc.publicKey()),
                    new Argon2Params(w.memoryKiB(), w.iterations(), w.parallelism()),
                    unb64(w.salt()), unb64(w.nonce()), unb64(w.ciphertext()));
            boolean sane = file.kind() == expectedKind
                    && expectedKind.algorithm.equals(doc.algorithm())
                    && KDF.equals(w.kdf()) && w.kdfVersion() == Argon2Params.VERSION
                    && CIPHER.equals(w.cipher())
                    && file.kdf().isPlausible() && file.generation() >= 1
                    && file.publicKey().length == 32
                    && file.salt().length == Argon2Params.SALT_BYTES
                    && file.nonce().length == Gcm.NONCE_BYTES
                    && file.wrapped().length == 32 + Gcm.TAG_BYTES;
            if (!sane) {
                throw KeyFileException.damaged(path, what);
            }
            return file;
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw KeyFileException.damaged(path, what);
        }
    }

    private static Document withChecksum(Document d) {
        Wrap w = d.wrap();
        byte[] canonical = new Canonical()
                .string(d.format()).int32(d.version()).string(d.kind()).string(d.algorithm())
                .string(d.keyId()).int32(d.generation()).string(d.created()).string(d.publicKey())
                .string(w.kdf()).int32(w.kdfVersion()).int32(w.memoryKiB()).int32(w.iterations())
                .int32(w.parallelism()).string(w.salt()).string(w.cipher()).string(w.nonce())
                .string(w.ciphertext())
                .toByteArray();
        try {
            String checksum = Bytes.hex(MessageDigest.getInstance("SHA-256").digest(canonical));
            return new Document(d.format(), d.version(), d.kind(), d.algorithm(), d.keyId(), d.generation(),
                    d.created(), d.publicKey(), w, checksum);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static String b64(byte[] value) {
        return Base64.getEncoder().encodeToString(value);
    }

    /** Decodes and insists on the canonical form, so two spellings never pass as one. */
    private static byte[] unb64(String value) {
        byte[] decoded = Base64.getDecoder().decode(value);
        if (!b64(decoded).equals(value)) {
            throw new IllegalArgumentException("non-canonical base64");
        }
        return decoded;
    }
}
