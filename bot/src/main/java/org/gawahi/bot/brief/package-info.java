/**
 * The brief about one raid event and the draft letters from it, for any channel:
 * {@link org.gawahi.bot.brief.BriefService} counts the approved testimonies a moderator linked
 * to the event (authors' consent to totals required), and writes the brief as a PDF (OpenPDF,
 * the reports' embedded Noto fonts) and an editable DOCX (Apache POI), in English, Hindi or
 * Marathi, each file with a detached signature made with the report signing key; with a body
 * (State Commission for Women, for Protection of Child Rights, Human Rights Commission, DLSA,
 * Commissioner of Police) also a draft letter in both formats. Words are data:
 * {@code questionnaires/<id>/brief/<lang>.yaml}, with indicator and safeguard words from the
 * report files and citations from {@code indicators.yaml}.
 *
 * <p>What leaves through here: only what {@code BriefFigures.published} takes from the event's
 * tables of its month after the reports' disclosure control ({@code Reporting.event}: the
 * thresholds, complementary suppression, the whole-group rule for sensitive figures, the
 * interval audit, checked against the disclosure history), each indicator's total only when it
 * was published and is not zero; the number of testimonies only when it reaches the threshold
 * (else one sentence, no number, no file); quotes by the reports' rule (consented and
 * redacted). The tables are recorded in the history before any file is handed back; a damaged
 * history refuses the brief. A raid whose month is not over is refused in the chat and marked
 * provisional by the CLI. The desk shows counts only as bands.
 *
 * <p>{@link org.gawahi.bot.brief.BriefDesk} is {@code /brief} for any chat channel (collective
 * role only, checked on every command and press), handing the channel a
 * {@link org.gawahi.bot.interview.AfterCommit.Documents} whose files the Telegram adapter sends as protected
 * documents, as for {@code /report}.
 */
package org.gawahi.bot.brief;
