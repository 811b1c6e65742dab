package org.gawahi.bot.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.gawahi.storage.crypto.Signer;

/**
 * A detached signature: {@code report.pdf} travels with {@code report.pdf.sig}, a short text
 * file naming the SHA-256 of the report, the signing key and its Ed25519 signature. One
 * design for every format (a PNG or CSV has no place for an embedded signature), and the
 * report itself stays a plain file anyone can open.
 *
 * <pre>
 * gawahi report signature v1
 * file: gawahi-report-2026-Q1_2026-Q2.pdf
 * sha256: 64 hex digits
 * key: the signing key's id
 * public-key: base64 of the 32-byte Ed25519 public key
 * signature: base64 of the Ed25519 signature of "gawahi-report-signature-v1\n" + the 32-byte SHA-256
 * </pre>
 * The file name is informative only: a renamed report still verifies.
 */
public final class ReportSignature {
    public static final String SUFFIX = ".sig";
    static final String FIRST_LINE = "gawahi report signature v1";
    private static final byte[] DOMAIN = "gawahi-report-signature-v1\n".getBytes(StandardCharsets.US_ASCII);

    /** The parts of a signature file. */
    public record Parsed(String file, String sha256, String keyId, byte[] publicKey, byte[] signature) {
    }

    private ReportSignature() {
    }

    /** The content of {@code <name>.sig} for a report's bytes. */
    public static byte[] sign(String name, byte[] report, Signer signer) {
        byte[] digest = sha256(report);
        byte[] signature = signer.sign(message(digest));
        String text = FIRST_LINE + "\n"
                + "file: " + name + "\n"
                + "sha256: " + HexFormat.of().formatHex(digest) + "\n"
                + "key: " + signer.keyId() + "\n"
                + "public-key: " + Base64.getEncoder().encodeToString(signer.publicKey()) + "\n"
                + "signature: " + Base64.getEncoder().encodeToString(signature) + "\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads a signature file; empty when it is not one. */
    public static Optional<Parsed> parse(byte[] sigFile) {
        String text = new String(sigFile, StandardCharsets.US_ASCII);
        String[] lines = text.split("\n");
        if (lines.length < 6 || !lines[0].strip().equals(FIRST_LINE)) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(": ");
            if (colon > 0) {
                fields.put(lines[i].substring(0, colon), lines[i].substring(colon + 2).strip());
            }
        }
        try {
            return Optional.of(new Parsed(fields.getOrDefault("file", ""), fields.get("sha256"), fields.get("key"),
                    Base64.getDecoder().decode(fields.get("public-key")), Base64.getDecoder().decode(fields.get("signature"))));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Whether the signature is by {@code parsed.publicKey()} over exactly these report bytes. */
    public static boolean matches(Parsed parsed, byte[] report) {
        byte[] digest = sha256(report);
        if (parsed.sha256() == null || !HexFormat.of().formatHex(digest).equalsIgnoreCase(parsed.sha256())) {
            return false;
        }
        return Signer.verify(parsed.publicKey(), message(digest), parsed.signature());
    }

    /** A short, readable fingerprint of a public key, for a collective to publish. */
    public static String fingerprint(byte[] publicKey) {
        String hex = HexFormat.of().formatHex(sha256(publicKey), 0, 16);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            b.append(i == 0 ? "" : " ").append(hex, i, i + 4);
        }
        return b.toString();
    }

    private static byte[] message(byte[] digest) {
        byte[] m = new byte[DOMAIN.length + digest.length];
        System.arraycopy(DOMAIN, 0, m, 0, DOMAIN.length);
        System.arraycopy(digest, 0, m, DOMAIN.length, digest.length);
        return m;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
