/**
 * The vault: the one package that does cryptography, and the only one that may import
 * Bouncy Castle.
 *
 * <p>What it guarantees, in one place:
 * <ul>
 *   <li>A finished testimony is sealed with HPKE (RFC 9180, base mode, DHKEM(X25519,
 *       HKDF-SHA256), HKDF-SHA256, AES-256-GCM) to the collective's public key, padded to
 *       1 KiB steps, and bound to caller-supplied associated data ({@link Sealer},
 *       {@link Opener}, {@link AssociatedData}).</li>
 *   <li>The collective's private key is on disk only wrapped by a passphrase (Argon2id,
 *       then AES-256-GCM); its public key is in the clear so an intake-only server can
 *       seal without the passphrase ({@link Keys}).</li>
 *   <li>A collective key's id is the fingerprint of its public key, so a swapped public key
 *       is refused; the running bot seals only to a key the pin, the passphrase or its being
 *       the only key vouches for ({@link Keys#intakeSealer}).</li>
 *   <li>Receipt hashes and audit pseudonyms use keys derived from a server secret that
 *       lives beside the keys, never in the database ({@link ServerSecret},
 *       {@link Pseudonyms}).</li>
 *   <li>Drafts use a run key made at each start and held in memory only; its one copy on
 *       disk is sealed to the collective's public key ({@link DraftCipher}).</li>
 *   <li>Reports are signed with Ed25519 ({@link Signer}).</li>
 * </ul>
 * Algorithms and sizes are private constants; callers never choose them. Every failure to
 * open something is one checked exception whose message names what failed and never
 * contains key material, passphrases or plaintext.
 */
package org.gawahi.storage.crypto;
