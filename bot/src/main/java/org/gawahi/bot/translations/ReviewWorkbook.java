package org.gawahi.bot.translations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The review spreadsheet: a sheet "Translations" with one row per text (key, where it
 * appears, the English, the current translation, an empty column for the reviewer's version
 * and one for notes, the file) and a sheet "How to review" in plain words. Reading finds the
 * columns by their headings, so a reviewer who moves or adds columns does no harm.
 */
public final class ReviewWorkbook {
    public static final String SHEET = "Translations";
    static final String INSTRUCTIONS = "How to review";
    public static final String KEY = "Key";
    static final String WHERE = "Where it appears";
    static final String ENGLISH = "English";
    public static final String REVIEWED = "Reviewer's version";
    static final String NOTES = "Notes";
    public static final String FILE = "File";
    /** The export of every language's texts is well under 1 MB; a much larger file is not a review. */
    static final long MAX_BYTES = 20_000_000;

    /** A row of the reviewer's sheet, numbered as the spreadsheet program shows it. */
    public record ReviewRow(int number, String file, String key, String reviewed, String notes) {
    }

    private ReviewWorkbook() {
    }

    /** Writes the workbook for {@code language} to {@code out}. */
    public static void write(List<MessageFiles.Entry> entries, String language, String languageName, OutputStream out)
            throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle wrapped = book.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle toFill = book.createCellStyle();
            toFill.cloneStyleFrom(wrapped);
            toFill.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            toFill.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            Sheet sheet = book.createSheet(SHEET);
            String current = languageName + " now (" + language + ")";
            String[] headings = {KEY, WHERE, ENGLISH, current, REVIEWED, NOTES, FILE};
            int[] widths = {26, 30, 50, 50, 50, 30, 14};
            Row top = sheet.createRow(0);
            for (int c = 0; c < headings.length; c++) {
                Cell cell = top.createCell(c);
                cell.setCellValue(headings[c]);
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (MessageFiles.Entry e : entries) {
                Row row = sheet.createRow(r++);
                String where = e.button()
                        ? e.where() + ". About " + MessageFiles.BUTTON_ADVISED + " letters fit on the button; at most "
                          + MessageFiles.BUTTON_LIMIT + "."
                        : e.where();
                String[] values = {e.key(), where, e.english(), e.current().orElse(""), "", "", e.file()};
                for (int c = 0; c < values.length; c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(values[c]);
                    cell.setCellStyle(c == 4 ? toFill : wrapped);
                }
            }
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, r - 1, 0, headings.length - 1));

            Sheet help = book.createSheet(INSTRUCTIONS);
            help.setColumnWidth(0, 100 * 256);
            int h = 0;
            for (String line : instructions(languageName, language)) {
                Cell cell = help.createRow(h++).createCell(0);
                cell.setCellValue(line);
                cell.setCellStyle(h == 1 ? header : wrapped);
            }
            book.write(out);
        }
    }

    static List<String> instructions(String languageName, String language) {
        return List.of(
                "How to review the " + languageName + " (" + language + ") texts of Gawahi",
                "The sheet \"" + SHEET + "\" has one row for each text a woman, a moderator or a reader of the "
                        + "collective's reports sees. Column \"" + ENGLISH + "\" is what the text says in English; the "
                        + "column beside it is what it says now in " + languageName + ". Most of these were drafted by "
                        + "a machine: please read each one as the women who use the bot would hear it.",
                "Write your better version in the yellow column \"" + REVIEWED + "\". Leave it blank to keep the "
                        + "current text. Write anything you want to tell the team (a doubt, a word you were not sure "
                        + "of) in \"" + NOTES + "\".",
                "Do not change the columns \"" + KEY + "\" and \"" + FILE + "\": they say where the text goes. You may "
                        + "sort, filter, widen and colour the sheet as you like.",
                "Words in curly brackets, like {count} or {date}, are filled in by the bot (a number, a date, a "
                        + "name). Keep each of them exactly as it is in the English, in Latin letters and with its "
                        + "brackets, and put it where it belongs in your sentence. A text with a missing or changed "
                        + "{word} is refused.",
                "Rows whose \"" + WHERE + "\" says \"button\" are labels on Telegram buttons. About "
                        + MessageFiles.BUTTON_ADVISED + " letters fit on a phone's button without being cut; a label "
                        + "longer than " + MessageFiles.BUTTON_LIMIT + " characters is refused.",
                "A text may have several lines: press Alt+Enter (Option+Enter on a Mac) for a new line inside a cell.",
                "When you are done, save the file as an Excel workbook (.xlsx) and send it back. The operator runs "
                        + "`gawahi translations import FILE.xlsx --questionnaire DIR --dry-run` to see your changes, "
                        + "then without --dry-run to write them. A row that cannot be used is named by its row number, "
                        + "with the reason.");
    }

    /**
     * The rows of a reviewer's workbook (every row with a key). Refuses anything that is not
     * the workbook the export wrote, in one sentence.
     */
    public static List<ReviewRow> read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new TranslationException(file + " is larger than " + MAX_BYTES / 1_000_000 + " MB, far more "
                        + "than a review of these texts; is it the right file? Nothing was changed.");
            }
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new TranslationException("There is no file " + file + ".", e);
        } catch (IOException e) {
            throw new TranslationException("Cannot read " + file + " (" + e.getMessage() + ").", e);
        }
        XSSFWorkbook book;
        try {
            book = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new TranslationException(file + " is not an Excel workbook (.xlsx): open it in your spreadsheet "
                    + "program and save it as \"Excel workbook (.xlsx)\"; nothing was changed.", e);
        }
        try (book) {
            Sheet sheet = book.getSheet(SHEET);
            if (sheet == null) {
                throw new TranslationException(file + " has no sheet named \"" + SHEET + "\": use the workbook "
                        + "`gawahi translations export` wrote (and keep that sheet's name); nothing was changed.");
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Row top = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> columns = new HashMap<>();
            if (top != null) {
                for (Cell cell : top) {
                    columns.putIfAbsent(formatter.formatCellValue(cell).strip(), cell.getColumnIndex());
                }
            }
            for (String needed : List.of(KEY, FILE, REVIEWED)) {
                if (!columns.containsKey(needed)) {
                    throw new TranslationException("The sheet \"" + SHEET + "\" of " + file + " has no column \""
                            + needed + "\" in its first row: put the heading back as the export wrote it; nothing "
                            + "was changed.");
                }
            }
            List<ReviewRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() == top.getRowNum()) {
                    continue;
                }
                String key = text(formatter, row, columns.get(KEY)).strip();
                String where = text(formatter, row, columns.get(FILE)).strip();
                String reviewed = text(formatter, row, columns.get(REVIEWED));
                String notes = columns.containsKey(NOTES) ? text(formatter, row, columns.get(NOTES)).strip() : "";
                if (key.isEmpty() && where.isEmpty() && reviewed.isBlank() && notes.isEmpty()) {
                    continue;
                }
                rows.add(new ReviewRow(row.getRowNum() + 1, where, key, reviewed, notes));
            }
            return rows;
        } catch (IOException e) {
            throw new TranslationException("Cannot read " + file + " (" + e.getMessage() + ").", e);
        }
    }

    private static String text(DataFormatter formatter, Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : formatter.formatCellValue(cell);
    }
}
