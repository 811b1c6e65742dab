package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.bot.cli.CliAssertions.assertExplained;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reviewer's round trip: the export's spreadsheet, edited with POI as a spreadsheet
 * program would, imported into a questionnaire folder; and every kind of input the import
 * must refuse as a whole, changing nothing.
 */
class TranslationsCommandTest {
    private static final int KEY = 0;
    private static final int ENGLISH = 2;
    private static final int CURRENT = 3;
    private static final int REVIEWED = 4;
    private static final int NOTES = 5;
    private static final int FILE = 6;

    @TempDir
    Path dir;

    @Test
    void threeReviewedTextsLandInTheYamlAndABrokenPlaceholderIsRefusedByItsRowNumber() throws IOException {
        Cli cli = new Cli(dir);
        Questionnaire shipped = QuestionnaireLoader.loadDefault();
        assertThat(cli.run("translations", "export", "--lang", "mr", "--to", "mr.xlsx").exitCode()).isZero();
        String twoLines = "या चॅटबद्दल:\n• हे संघटना चालवते.\n• \"नाव\" सांगायची गरज नाही.";
        int brokenRow = edit(dir.resolve("mr.xlsx"), Map.of(
                "text/mr.yaml messages.button_skip", "⏭ पुढे",
                "text/mr.yaml questions.c2.text", twoLines,
                "report/mr.yaml messages.title", "पोलिसांचे छापे: साक्ष",
                "text/mr.yaml messages.pick_month", "{yaer} मधला कोणता महिना?")).get("text/mr.yaml messages.pick_month");

        Cli.Result imported = cli.run("translations", "import", "mr.xlsx", "--questionnaire", "reviewed");

        assertThat(imported.exitCode()).as(imported.all()).isEqualTo(1);
        assertThat(imported.err()).contains("Row " + brokenRow + " (messages.pick_month) refused", "{year}", "{yaer}");
        assertThat(imported.out()).contains("messages.button_skip: \"⏭ सोडा\" → \"⏭ पुढे\"", "questions.c2.text",
                "messages.title");
        Questionnaire reviewed = QuestionnaireLoader.load(dir.resolve("reviewed"));
        assertThat(reviewed.texts("mr").message("button_skip")).isEqualTo("⏭ पुढे");
        assertThat(reviewed.texts("mr").questionText("c2")).isEqualTo(twoLines);
        assertThat(reviewed.indicators().texts("mr").message("title")).isEqualTo("पोलिसांचे छापे: साक्ष");
        assertThat(reviewed.texts("mr").message("pick_month")).isEqualTo(shipped.texts("mr").message("pick_month"));
        assertThat(reviewed.texts("hi").message("button_skip")).isEqualTo(shipped.texts("hi").message("button_skip"));
        assertOnlyTheseLinesChanged("text/mr.yaml", List.of("⏭ सोडा", shipped.texts("mr").questionText("c2")));
        assertOnlyTheseLinesChanged("report/mr.yaml", List.of(shipped.indicators().texts("mr").message("title")));

        Cli.Result again = cli.run("translations", "import", "mr.xlsx", "--questionnaire", "reviewed");
        assertThat(again.out()).as("the texts already written are not changes any more").contains("No text changed.");
        assertThat(again.err()).contains("Row " + brokenRow + " (messages.pick_month) refused");
    }

    @Test
    void exportHasOneRowPerTextWithTheEnglishBesideItAndInstructions() throws IOException {
        Cli cli = new Cli(dir);
        Cli.Result exported = cli.run("translations", "export", "--lang", "mr", "--to", "mr.xlsx");
        assertThat(exported.exitCode()).as(exported.all()).isZero();
        try (InputStream in = Files.newInputStream(dir.resolve("mr.xlsx")); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet("Translations");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(text(sheet.getRow(0), REVIEWED)).isEqualTo("Reviewer's version");
            Map<String, Row> rows = rows(sheet);
            assertThat(rows).hasSize(sheet.getLastRowNum());
            Row skip = rows.get("text/mr.yaml messages.button_skip");
            assertThat(text(skip, ENGLISH)).isEqualTo("⏭ Skip");
            assertThat(text(skip, CURRENT)).isEqualTo("⏭ सोडा");
            assertThat(text(skip, 1)).contains("button");
            assertThat(rows).containsKeys("text/mr.yaml questions.c1.options.yes", "text/mr.yaml sections.start",
                    "report/mr.yaml safeguards.jj_74", "text/mr.yaml language_name");
            assertThat(rows).doesNotContainKey("text/mr.yaml language");
            assertThat(rows.values()).allSatisfy(r -> assertThat(text(r, REVIEWED)).isEmpty());
            String help = text(book.getSheet("How to review").getRow(4), 0);
            assertThat(help).contains("{count}");
        }
        Cli.Result overwrite = cli.run("translations", "export", "--lang", "hi", "--to", "mr.xlsx");
        assertExplained(overwrite, "already exists");
    }

    @Test
    void dryRunShowsTheChangesAndWritesNothing() throws IOException {
        Path folder = shippedCopy(dir.resolve("q"));
        Map<String, byte[]> before = snapshot(folder);
        Cli cli = new Cli(dir);
        cli.run("translations", "export", "--lang", "mr", "--to", "mr.xlsx", "--questionnaire", "q");
        edit(dir.resolve("mr.xlsx"), Map.of("text/mr.yaml messages.button_back", "⬅️ परत"));

        rewrite(dir.resolve("mr.xlsx"), sheet -> rows(sheet).get("text/mr.yaml messages.progress")
                .createCell(NOTES).setCellValue("Is साधारण right here?"));

        Cli.Result dry = cli.run("translations", "import", "mr.xlsx", "--questionnaire", "q", "--dry-run");

        assertThat(dry.exitCode()).as(dry.all()).isZero();
        assertThat(dry.out()).contains("messages.button_back", "→ \"⬅️ परत\"", "nothing was written",
                "(messages.progress): Is साधारण right here?");
        assertThat(snapshot(folder)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void aButtonLabelLongerThanTelegramTakesAndAnUnknownKeyAreRefusedByRow() throws IOException {
        Path folder = shippedCopy(dir.resolve("q"));
        Map<String, byte[]> before = snapshot(folder);
        Cli cli = new Cli(dir);
        cli.run("translations", "export", "--lang", "mr", "--to", "mr.xlsx");
        Map<String, Integer> rows = edit(dir.resolve("mr.xlsx"), Map.of(
                "text/mr.yaml questions.c1.options.yes", "हो ".repeat(30),
                "text/mr.yaml messages.button_back", "⬅️ परत"));
        rewrite(dir.resolve("mr.xlsx"), sheet -> sheet.getRow(rows.get("text/mr.yaml messages.button_back") - 1)
                .getCell(KEY).setCellValue("messages.button_bak"));

        Cli.Result imported = cli.run("translations", "import", "mr.xlsx", "--questionnaire", "q");

        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.err()).contains("Row " + rows.get("text/mr.yaml questions.c1.options.yes")
                + " (questions.c1.options.yes) refused", "at most 64");
        assertThat(imported.err()).contains("Row " + rows.get("text/mr.yaml messages.button_back")
                + " (messages.button_bak) refused", "is not a text of this questionnaire");
        assertThat(imported.out()).contains("No text changed.");
        assertThat(snapshot(folder)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAWorkbookOrIsHugeChangesNothing() throws IOException {
        Path folder = shippedCopy(dir.resolve("q"));
        Map<String, byte[]> before = snapshot(folder);
        Files.writeString(dir.resolve("mr.xlsx"), "key,text\nmessages.button_skip,x\n");

        assertExplained(new Cli(dir).run("translations", "import", "mr.xlsx", "--questionnaire", "q"),
                "is not an Excel workbook (.xlsx)");
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(dir.resolve("huge.xlsx").toFile(), "rw")) {
            huge.setLength(20_000_001);
        }
        assertExplained(new Cli(dir).run("translations", "import", "huge.xlsx", "--questionnaire", "q"),
                "larger than 20 MB");
        assertThat(snapshot(folder)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void aWorkbookWithoutTheTranslationsSheetChangesNothing() throws IOException {
        Path folder = shippedCopy(dir.resolve("q"));
        Map<String, byte[]> before = snapshot(folder);
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("other.xlsx"))) {
            book.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("Key");
            book.write(out);
        }

        assertExplained(new Cli(dir).run("translations", "import", "other.xlsx", "--questionnaire", "q"),
                "has no sheet named \"Translations\"");
        assertThat(snapshot(folder)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void aMissingColumnChangesNothing() throws IOException {
        Path folder = shippedCopy(dir.resolve("q"));
        Map<String, byte[]> before = snapshot(folder);
        Cli cli = new Cli(dir);
        cli.run("translations", "export", "--lang", "mr", "--to", "mr.xlsx");
        edit(dir.resolve("mr.xlsx"), Map.of("text/mr.yaml messages.button_back", "⬅️ परत"));
        rewrite(dir.resolve("mr.xlsx"), sheet -> sheet.getRow(0).getCell(REVIEWED).setCellValue("My version"));

        assertExplained(cli.run("translations", "import", "mr.xlsx", "--questionnaire", "q"),
                "no column \"Reviewer's version\"");
        assertThat(snapshot(folder)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void aLanguageTheQuestionnaireDoesNotShipChangesNothing() throws IOException {
        Path folder = shippedCopy(dir.resolve("q"));
        Map<String, byte[]> before = snapshot(folder);
        Cli cli = new Cli(dir);
        cli.run("translations", "export", "--lang", "mr", "--to", "mr.xlsx");
        edit(dir.resolve("mr.xlsx"), Map.of("text/mr.yaml messages.button_back", "⬅️ परत"));
        rewrite(dir.resolve("mr.xlsx"), sheet -> {
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    row.getCell(FILE).setCellValue(text(row, FILE).replace("/mr.", "/ta."));
                }
            }
        });

        assertExplained(cli.run("translations", "import", "mr.xlsx", "--questionnaire", "q"), "no language \"ta\"");
        assertThat(snapshot(folder)).usingRecursiveComparison().isEqualTo(before);
        assertExplained(cli.run("translations", "export", "--lang", "ta", "--to", "ta.xlsx"), "no language \"ta\"");
        assertExplained(cli.run("translations", "export", "--lang", "en", "--to", "en.xlsx"), "reference");
        assertThat(dir.resolve("ta.xlsx")).doesNotExist();
        assertThat(dir.resolve("en.xlsx")).doesNotExist();
    }

    @Test
    void importWithoutAFolderToWriteIntoChangesNothing() throws IOException {
        Cli cli = new Cli(dir);
        cli.run("translations", "export", "--lang", "mr", "--to", "mr.xlsx");
        edit(dir.resolve("mr.xlsx"), Map.of("text/mr.yaml messages.button_back", "⬅️ परत"));

        assertExplained(cli.run("translations", "import", "mr.xlsx"), "--questionnaire DIR");
        assertExplained(cli.run("translations", "import", "missing.xlsx", "--questionnaire", "new"), "no file");
        assertThat(dir.resolve("new")).doesNotExist();
    }

    /** Writes the reviewer's versions into the rows with these "file key"s; their row numbers as shown. */
    private static Map<String, Integer> edit(Path workbook, Map<String, String> reviewed) throws IOException {
        Map<String, Integer> numbers = new TreeMap<>();
        rewrite(workbook, sheet -> rows(sheet).forEach((id, row) -> {
            if (reviewed.containsKey(id)) {
                row.createCell(REVIEWED).setCellValue(reviewed.get(id));
                numbers.put(id, row.getRowNum() + 1);
            }
        }));
        assertThat(numbers.keySet()).containsExactlyInAnyOrderElementsOf(reviewed.keySet());
        return numbers;
    }

    private interface SheetEdit {
        void apply(Sheet sheet);
    }

    private static void rewrite(Path workbook, SheetEdit edit) throws IOException {
        XSSFWorkbook book;
        try (InputStream in = Files.newInputStream(workbook)) {
            book = new XSSFWorkbook(in);
        }
        try (book; OutputStream out = Files.newOutputStream(workbook)) {
            edit.apply(book.getSheet("Translations"));
            book.write(out);
        }
    }

    private static Map<String, Row> rows(Sheet sheet) {
        Map<String, Row> rows = new TreeMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                assertThat(rows.put(text(row, FILE) + " " + text(row, KEY), row)).isNull();
            }
        }
        return rows;
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }

    /** The lines gone from the shipped file are lines of the replaced texts, nothing else (comments, order kept). */
    private void assertOnlyTheseLinesChanged(String file, List<String> oldValues) {
        List<String> removed = new ArrayList<>(QuestionnaireLoader.classpath(QuestionnaireLoader.DEFAULT_RESOURCE)
                .read(file).orElseThrow().lines().toList());
        List<String> now;
        try {
            now = Files.readAllLines(dir.resolve("reviewed").resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        now.forEach(removed::remove);
        List<String> oldLines = oldValues.stream().flatMap(String::lines).filter(l -> !l.isBlank()).toList();
        assertThat(removed).isNotEmpty().hasSizeLessThanOrEqualTo(oldLines.size())
                .allSatisfy(line -> assertThat(oldLines).anySatisfy(old -> assertThat(line).contains(old)));
    }

    /** The shipped questionnaire's files, copied into {@code folder}. */
    static Path shippedCopy(Path folder) throws IOException {
        QuestionnaireLoader.Source shipped = QuestionnaireLoader.classpath(QuestionnaireLoader.DEFAULT_RESOURCE);
        List<String> names = new ArrayList<>(List.of("questionnaire.yaml", "indicators.yaml"));
        for (String language : QuestionnaireLoader.loadDefault().languages()) {
            names.add("text/" + language + ".yaml");
            names.add("report/" + language + ".yaml");
        }
        for (String name : names) {
            var content = shipped.read(name);
            if (content.isPresent()) {
                Files.createDirectories(folder.resolve(name).getParent());
                Files.writeString(folder.resolve(name), content.get(), StandardCharsets.UTF_8);
            }
        }
        return folder;
    }

    private static Map<String, byte[]> snapshot(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
