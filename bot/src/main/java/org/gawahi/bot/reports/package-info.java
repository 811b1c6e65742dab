/**
 * The collective's reports, for any channel: {@link org.gawahi.bot.reports.ReportService}
 * builds a suppressed {@link org.gawahi.storage.reports.Report} from approved testimonies
 * (keys unlocked) and exports it as CSV, JSON, PNG charts or a PDF brief, in English, Hindi
 * or Marathi, each file with a detached Ed25519 signature ({@code .sig}) and the audit head.
 *
 * <p>What leaves through here: only published cells and shares (nothing suppressed can be
 * printed, since a {@code Report} holds none); a suppressed cell reads the same whatever
 * the reason; quotes only when consented and redacted (none yet: there is no redaction
 * flag). Drawing is headless Java2D and OpenPDF with fonts shipped in the jar (Noto, SIL
 * Open Font License), so Devanagari is shaped the same on every machine.
 *
 * <p>For the Telegram adapter's {@code /report [period]} (collective role only):
 * <pre>
 * ReportPeriod period = ReportPeriod.parse(from, to, QUARTER, LocalDate.now(clock)); // InvalidPeriodException: say why
 * Report report = service.build(db, opener, ReportRequest.of(period), Progress.none());
 * if (report.nothingToPublish()) { reply with report/&lt;lang&gt;.yaml "nothing_publishable"; return; }
 * for (ReportFile f : service.export(report, ReportFormat.PDF, lang, signer)) sendDocument(f, protect_content);
 * </pre>
 */
package org.gawahi.bot.reports;
