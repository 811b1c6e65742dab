package org.gawahi.bot.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.reports.Report;
import org.gawahi.storage.reports.SealedStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every export carries: the audit head, the method note, a signature of its own. */
class ReportFilesTest {
    @TempDir
    static Path data;
    private static SealedStore store;
    private static Report report;

    @BeforeAll
    static void aSmallDataSet() throws Exception {
        store = ReportFixtures.store(data, RaidDataSet.generate(7, 20));
        report = ReportFixtures.report(store, "2025-Q1", "2025-Q4");
    }

    private static String text(ReportFormat format) throws Exception {
        return new String(ReportFixtures.export(store, report, format, "en").get(0).content(), StandardCharsets.UTF_8);
    }

    @Test
    void csvAndJsonCarryTheAuditHeadAndTheMethodNote() throws Exception {
        String head = report.auditHead().hash();

        assertThat(text(ReportFormat.CSV)).contains("# audit_head: 0 " + head).contains("# testimonies: ")
                .contains("# rules: counts under 5 (under 10 when sensitive)");
        assertThat(text(ReportFormat.JSON)).contains("\"format\" : \"gawahi-report/1\"").contains("\"hash\" : \"" + head + "\"")
                .contains("\"citation\" : \"CrPC 1973, s.46(4); BNSS 2023, s.43(5)\"");
    }

    @Test
    void everyFileComesWithASignatureThatFitsOnlyIt() throws Exception {
        for (ReportFormat format : ReportFormat.values()) {
            List<ReportFile> files = ReportFixtures.export(store, report, format, "en");
            assertThat(files).isNotEmpty();
            for (int i = 0; i < files.size(); i += 2) {
                ReportFile file = files.get(i);
                ReportFile sig = files.get(i + 1);
                assertThat(sig.name()).isEqualTo(file.name() + ".sig");
                ReportSignature.Parsed parsed = ReportSignature.parse(sig.content()).orElseThrow();
                assertThat(ReportSignature.matches(parsed, file.content())).as(file.name()).isTrue();
                byte[] changed = file.content().clone();
                changed[changed.length / 2] ^= 1;
                assertThat(ReportSignature.matches(parsed, changed)).as(file.name() + " altered").isFalse();
            }
        }
    }

    @Test
    void aSignatureIsBoundToItsKey() throws Exception {
        ReportFile csv;
        byte[] publicKey;
        try (Signer signer = store.keys().signer(SealedStore.PASSPHRASE)) {
            csv = ReportFixtures.service().export(report, ReportFormat.CSV, "en", signer).get(1);
            publicKey = signer.publicKey();
        }
        ReportSignature.Parsed parsed = ReportSignature.parse(csv.content()).orElseThrow();

        assertThat(parsed.publicKey()).isEqualTo(publicKey);
        assertThat(ReportSignature.fingerprint(publicKey)).matches("([0-9a-f]{4} ){7}[0-9a-f]{4}");
        assertThat(ReportSignature.parse("not a signature".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void pdfAndPngAreWhatTheySayTheyAre() throws Exception {
        byte[] pdf = ReportFixtures.export(store, report, ReportFormat.PDF, "mr").get(0).content();
        byte[] png = ReportFixtures.export(store, report, ReportFormat.PNG, "hi").get(0).content();

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("NotoSansDevanagari");
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}
