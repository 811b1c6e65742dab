/**
 * The audit log: what moderators and operators did, append-only and hash-chained.
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>No content. An entry holds a sequence number, a time (UTC, to the hour; to the minute in entries written before that), an actor
 *       (a keyed pseudonym, or {@code operator}/{@code system}), an {@link
 *       org.gawahi.storage.audit.AuditAction action} from a fixed list, an optional subject
 *       that must be one or two hex ids, the previous entry's hash and its own. The API
 *       takes no free text, and refuses anything that is not of those shapes.</li>
 *   <li>Append-only. There is no API to change or remove an entry, and the database
 *       refuses {@code UPDATE} and {@code DELETE} on the table (triggers, migration V2).</li>
 *   <li>Tamper-evident. Each entry's hash is SHA-256 over an unambiguous encoding of all
 *       its fields, including the previous entry's hash, so {@link
 *       org.gawahi.storage.audit.AuditLog#verify()} names the first entry that was edited,
 *       moved, inserted or deleted. Whoever holds the disk can recompute a whole new
 *       chain, or cut entries off its end; only a head recorded elsewhere (printed on every
 *       report) catches that, through {@link
 *       org.gawahi.storage.audit.AuditLog#verify(String)}.</li>
 * </ul>
 */
package org.gawahi.storage.audit;
