/**
 * The collective's reports, for any channel: {@link org.gawahi.bot.reports.ReportService}
 * builds a suppressed {@link org.gawahi.storage.reports.Report} from approved testimonies
 * (keys unlocked) and exports it as CSV, JSON, PNG charts or a PDF brief, in English, Hindi
 * or Marathi, each file with a detached Ed25519 signature ({@code .sig}) and the audit head.
 *
 * <p>What leaves through here: only published cells and shares (nothing suppressed can be
 * printed, since a {@code Report} holds none); a suppressed cell reads the same whatever
 * the reason. Quotes (PDF brief only) come from counted testimonies of the period whose
 * author consented ({@code counting.quote_consent}) and whose answer a moderator redacted or
 * cleared ({@code TestimonyContent.redacted()}, sealed with the content); none unless the
 * period holds as many testimonies as a published count needs; at most six, ordered by text.
 * Drawing is headless Java2D and OpenPDF with fonts shipped in the jar (Noto, SIL Open Font
 * License), so Devanagari, Bengali, Telugu and Kannada are shaped the same on every machine;
 * a quote in a script no shipped font draws is left out rather than printed as boxes.
 *
 * <p>{@link org.gawahi.bot.reports.ReportDesk} is {@code /report [period]} for any chat channel
 * (collective role only, checked on every request): it audits the request, answers at once,
 * and hands the channel, in its reply, {@link org.gawahi.bot.interview.AfterCommit.Documents}
 * to make after the commit, which builds the report and exports CSV, the overview PNG and the PDF, each with its
 * {@code .sig} (or says "nothing_publishable" from {@code report/<lang>.yaml}). The Telegram
 * adapter sends the files as documents with {@code protect_content}.
 */
package org.gawahi.bot.reports;
