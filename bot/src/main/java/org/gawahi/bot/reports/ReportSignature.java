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
 * The file name is informative only: a renamed report still verifies. A rehearsal (counted
 * on testimonies not yet approved) is signed under another domain,
 * {@code "gawahi-report-rehearsal-v1\n"}, and its file says {@code kind: rehearsal}; the
 * domain is what counts, so editing that line cannot pass a rehearsal off as a real report.
 */
public final class ReportSignature {
    public static final String SUFFIX = ".sig";
    static final String FIRST_LINE = "gawahi report signature v1";
    private static final byte[] DOMAIN = "gawahi-report-signature-v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REHEARSAL_DOMAIN = "gawahi-report-rehearsal-v1\n".getBytes(StandardCharsets.US_ASCII);

    /** What a signature says about a report. */
    public enum Verdict {
        /** Unaltered, and signed as a report for publication. */
        GENUINE,
        /** Unaltered, and signed as a rehearsal on testimonies not yet approved: not for publication. */
        REHEARSAL,
        /** Altered, or not signed by this key. */
        NOT_GENUINE
    }

    /** The parts of a signature file. */
    public record Parsed(String file, String sha256, String keyId, byte[] publicKey, byte[] signature) {
    }

    private ReportSignature() {
    }

    /** The content of {@code <name>.sig} for a report's bytes. */
    public static byte[] sign(String name, byte[] report, Signer signer) {
        return sign(name, report, signer, false);
    }

    /** The same, for a rehearsal when {@code rehearsal}: it will never verify as {@link Verdict#GENUINE}. */
    public static byte[] sign(String name, byte[] report, Signer signer, boolean rehearsal) {
        byte[] digest = sha256(report);
        byte[] signature = signer.sign(message(rehearsal ? REHEARSAL_DOMAIN : DOMAIN, digest));
        String text = FIRST_LINE + "\n"
                + "file: " + name + "\n"
                + (rehearsal ? "kind: rehearsal\n" : "")
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

    /** Whether the signature is by {@code parsed.publicKey()} over exactly these report bytes, as a real report. */
    public static boolean matches(Parsed parsed, byte[] report) {
        return verdict(parsed, report) == Verdict.GENUINE;
    }

    /** Whether these bytes are what {@code parsed.publicKey()} signed, and as a report or a rehearsal. */
    public static Verdict verdict(Parsed parsed, byte[] report) {
        byte[] digest = sha256(report);
        if (parsed.sha256() == null || !HexFormat.of().formatHex(digest).equalsIgnoreCase(parsed.sha256())) {
            return Verdict.NOT_GENUINE;
        }
        if (Signer.verify(parsed.publicKey(), message(DOMAIN, digest), parsed.signature())) {
            return Verdict.GENUINE;
        }
        return Signer.verify(parsed.publicKey(), message(REHEARSAL_DOMAIN, digest), parsed.signature())
                ? Verdict.REHEARSAL : Verdict.NOT_GENUINE;
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

    private static byte[] message(byte[] domain, byte[] digest) {
        byte[] m = new byte[domain.length + digest.length];
        System.arraycopy(domain, 0, m, 0, domain.length);
        System.arraycopy(digest, 0, m, domain.length, digest.length);
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
