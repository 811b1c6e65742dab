package org.gawahi.bot.interview;

import java.time.Clock;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.bot.interview.Screen.Button;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Texts;

/**
 * {@code month_year}: two steps, the year (pressed or typed, this one or up to the question's
 * years back), then its month or "only the year" (pressed). No month after this one: a raid
 * cannot have happened in the future. Recorded as {@code 2025-03}, or {@code 2025}.
 */
final class MonthYear implements AnswerKind {
    private final Clock clock;

    MonthYear(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Part render(Draft draft, Question q, Texts t) {
        String id = q.id();
        if (draft.pendingYear != null) {
            List<List<Button>> rows = new ArrayList<>(grid(monthButtons(id, draft.pendingYear, t), 3));
            rows.add(List.of(Screens.button(ButtonId.MONTH, id, "0", t.message("button_only_year"))));
            return new Part("\n\n" + t.message("pick_month", Map.of("year", draft.pendingYear.toString())), rows,
                    Navigation.BACK_ONLY);
        }
        int thisYear = Year.now(clock).getValue();
        List<Button> years = new ArrayList<>();
        for (int y = thisYear; y >= thisYear - q.yearsBack(); y--) {
            years.add(Screens.button(ButtonId.YEAR, id, Integer.toString(y), Integer.toString(y)));
        }
        return new Part("\n\n" + t.message("pick_year"), grid(years, 4), Navigation.FULL);
    }

    @Override
    public Optional<Move> press(Draft draft, Question q, ButtonId button, Texts t) {
        return switch (button.kind()) {
            case ButtonId.YEAR -> year(draft, q, button.argument());
            case ButtonId.MONTH -> month(draft, button.argument());
            default -> Optional.empty();
        };
    }

    private Optional<Move> year(Draft draft, Question q, String argument) {
        Optional<Integer> year = parseYear(q, argument);
        if (draft.pendingYear != null || year.isEmpty()) {
            return Optional.empty();
        }
        draft.pendingYear = year.get();
        return Optional.of(new Move.Redraw());
    }

    private Optional<Move> month(Draft draft, String argument) {
        if (draft.pendingYear == null || !argument.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int month = Integer.parseInt(argument);
        if (month > lastMonth(draft.pendingYear)) {
            return Optional.empty();
        }
        String value = month == 0 ? draft.pendingYear.toString() : String.format("%d-%02d", draft.pendingYear, month);
        return Optional.of(new Move.Answered(List.of(value)));
    }

    /** The year can be typed, in any script; the month only pressed. */
    @Override
    public Move type(Draft draft, Question q, String typed, Texts t) {
        Optional<Integer> year = draft.pendingYear == null ? parseYear(q, typed) : Optional.empty();
        if (year.isPresent()) {
            draft.pendingYear = year.get();
            return new Move.Redraw();
        }
        return new Move.Notice(t.message("use_buttons"));
    }

    /** From the month back to the year. */
    @Override
    public boolean stepBack(Draft draft) {
        if (draft.pendingYear == null) {
            return false;
        }
        draft.pendingYear = null;
        return true;
    }

    @Override
    public String label(Question q, List<String> answer, Texts t) {
        String[] parts = answer.get(0).split("-");
        return parts.length == 2 ? t.message("month_" + Integer.parseInt(parts[1])) + " " + parts[0] : parts[0];
    }

    private Optional<Integer> parseYear(Question q, String typed) {
        String digits = TypedNumbers.asciiDigits(typed.strip());
        if (!digits.matches("\\d{4}")) {
            return Optional.empty();
        }
        int year = Integer.parseInt(digits);
        int thisYear = Year.now(clock).getValue();
        return year <= thisYear && year >= thisYear - q.yearsBack() ? Optional.of(year) : Optional.empty();
    }

    /** The last month a raid in {@code year} can have happened in: no month after this one. */
    private int lastMonth(int year) {
        YearMonth now = YearMonth.now(clock);
        return year == now.getYear() ? now.getMonthValue() : 12;
    }

    private List<Button> monthButtons(String id, int year, Texts t) {
        List<Button> months = new ArrayList<>();
        for (int m = 1; m <= lastMonth(year); m++) {
            months.add(Screens.button(ButtonId.MONTH, id, Integer.toString(m), t.message("month_" + m)));
        }
        return months;
    }

    private static List<List<Button>> grid(List<Button> buttons, int perRow) {
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += perRow) {
            rows.add(buttons.subList(i, Math.min(buttons.size(), i + perRow)));
        }
        return rows;
    }
}
