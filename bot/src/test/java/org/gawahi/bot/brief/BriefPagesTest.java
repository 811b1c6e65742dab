package org.gawahi.bot.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.gawahi.bot.reports.ReportFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brief and letter in English, Hindi and Marathi drawn as pages: the PDF through pdftoppm, the
 * DOCX through headless LibreOffice (with the Noto fonts the PDF embeds) and pdftoppm, into
 * {@code target/brief-pages/} to look at. Skipped, saying so, where the tools are not installed.
 */
class BriefPagesTest {
    private static final Path SOFFICE = Path.of("/usr/bin/soffice");
    private static final Path PDFTOPPM = Path.of("/usr/bin/pdftoppm");
    private static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

    @TempDir
    Path data;
    @TempDir
    Path work;

    @Test
    void briefAndLetterOfEachLanguageRenderFromPdfAndFromDocx() throws Exception {
        assumeTrue(Files.isExecutable(PDFTOPPM) && Files.isExecutable(PDFTOTEXT), "poppler-utils are not installed");
        assumeTrue(Files.isExecutable(SOFFICE), "LibreOffice (soffice) is not installed: the DOCX pages are not drawn");
        RaidOnRecord raid = RaidOnRecord.create(data);
        String event = raid.raid(RaidOnRecord.budhwarPeth(12));
        Path out = Path.of("target/brief-pages");
        Files.createDirectories(out);
        Path docx = Files.createDirectories(work.resolve("docx"));
        List<Path> pdfs = new ArrayList<>();
        for (String language : List.of("en", "hi", "mr")) {
            for (ReportFile file : raid.write(event, language, Optional.of("scw")).files()) {
                if (file.name().endsWith(".pdf")) {
                    Files.write(out.resolve(file.name()), file.content());
                    pdfs.add(out.resolve(file.name()));
                } else if (file.name().endsWith(".docx")) {
                    Files.write(docx.resolve(file.name()), file.content());
                }
            }
        }
        List<String> convert = new ArrayList<>(List.of(SOFFICE.toString(),
                "-env:UserInstallation=" + work.resolve("lo-profile").toUri(), "--headless", "--convert-to", "pdf",
                "--outdir", work.resolve("from-docx").toString()));
        try (var files = Files.list(docx)) {
            files.sorted().forEach(f -> convert.add(f.toString()));
        }
        run(convert, fontConfig());
        try (var files = Files.list(work.resolve("from-docx"))) {
            for (Path converted : files.sorted().toList()) {
                Path kept = out.resolve(converted.getFileName().toString().replace(".pdf", "-from-docx.pdf"));
                Files.copy(converted, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                pdfs.add(kept);
            }
        }
        assertThat(pdfs).hasSize(12);
        for (Path pdf : pdfs) {
            String prefix = pdf.toString().replace(".pdf", "");
            run(List.of(PDFTOPPM.toString(), "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    pdf.toString(), prefix), Optional.empty());
            assertThat(Files.size(Path.of(prefix + ".png"))).as(pdf.toString()).isGreaterThan(5_000);
            assertThat(run(List.of(PDFTOTEXT.toString(), pdf.toString(), "-"), Optional.empty()))
                    .as("the figures survive " + pdf.getFileName()).contains("12");
        }
    }

    /** A fontconfig that adds the shipped Noto fonts, so LibreOffice draws Devanagari as the PDF does. */
    private Optional<Path> fontConfig() throws Exception {
        Path fonts = Files.createDirectories(work.resolve("fonts"));
        for (String name : List.of("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansDevanagari-Regular.ttf",
                "NotoSansDevanagari-Bold.ttf")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/gawahi/bot/reports/fonts/" + name)) {
                Files.copy(in, fonts.resolve(name));
            }
        }
        Path conf = work.resolve("fonts.conf");
        Files.writeString(conf, "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig>"
                + "<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>" + fonts + "</dir>"
                + "<cachedir>" + work.resolve("fc-cache") + "</cachedir></fontconfig>");
        return Optional.of(conf);
    }

    private static String run(List<String> command, Optional<Path> fontConfig) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        fontConfig.ifPresent(c -> builder.environment().put("FONTCONFIG_FILE", c.toString()));
        Process p = builder.start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as(command.get(0)).isTrue();
        assertThat(p.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
        return new String(output, StandardCharsets.UTF_8);
    }
}
