package org.gawahi.bot.brief;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gawahi.bot.reports.PdfFonts;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.ReportTexts;
import org.gawahi.storage.reports.Percentage;

/**
 * What a brief and a letter say, in order, as {@link Block}s: every word from the brief file
 * of the language, the indicator and safeguard words from the report file, the citations from
 * {@code indicators.yaml}, and only the figures of the {@link Brief}.
 */
final class BriefLayout {
    private BriefLayout() {
    }

    static List<Block> brief(Brief brief, BriefWords words, Questionnaire questionnaire, String signingKeyId) {
        ReportTexts report = questionnaire.indicators().texts(words.language());
        List<Block> blocks = new ArrayList<>();
        if (brief.provisional()) {
            blocks.add(Block.of(Block.Kind.NOTE, words.get("brief.provisional")));
        }
        blocks.add(Block.of(Block.Kind.TITLE, words.get("brief.title")));
        blocks.add(Block.of(Block.Kind.SUBTITLE, words.get("brief.subtitle")));
        blocks.add(Block.of(Block.Kind.TEXT, words.get("brief.event", place(brief, words, questionnaire))));
        blocks.add(Block.of(Block.Kind.TEXT, words.get("brief.testimonies",
                Map.of("count", Long.toString(brief.testimonies())))));
        blocks.add(Block.of(Block.Kind.SMALL, words.get("brief.made_on", Map.of("date", date(brief, words)))));
        blocks.add(Block.of(Block.Kind.HEADING, words.get("brief.facts_title")));
        if (brief.figures().isEmpty()) {
            blocks.add(Block.of(Block.Kind.TEXT, words.get("brief.no_facts")));
        }
        for (BriefFigures.Published figure : brief.figures()) {
            blocks.add(Block.of(Block.Kind.ITEM, report.label(figure.indicator().id()) + ": " + figure(figure, words)));
            for (String id : figure.indicator().safeguards()) {
                blocks.add(Block.of(Block.Kind.SMALL, words.get("brief.safeguard", Map.of("text", report.safeguard(id)))
                        + " (" + questionnaire.indicators().safeguard(id).citation() + ")"));
            }
        }
        blocks.add(Block.of(Block.Kind.SMALL, words.get("brief.not_listed", thresholds(brief))));
        blocks.add(Block.of(Block.Kind.HEADING, words.get("brief.method_title")));
        for (String key : List.of("brief.method_counted", "brief.method_first_hand", "brief.method_raid",
                "brief.method_area")) {
            blocks.add(Block.of(Block.Kind.SMALL, words.get(key)));
        }
        blocks.add(Block.of(Block.Kind.HEADING, words.get("brief.quotes_title")));
        // A quote in a script no shipped font draws would print as boxes: better left out.
        List<String> quotes = brief.quotes().stream().filter(PdfFonts::canDraw).toList();
        if (quotes.isEmpty()) {
            blocks.add(Block.of(Block.Kind.SMALL, words.get("brief.no_quotes")));
        }
        quotes.forEach(q -> blocks.add(Block.of(Block.Kind.QUOTE, "“" + q + "”")));
        blocks.add(Block.of(Block.Kind.SMALL, words.get("brief.quotes_note")));
        blocks.add(Block.space());
        blocks.add(Block.of(Block.Kind.SMALL, words.get("brief.signed_by", Map.of("key", signingKeyId))));
        blocks.add(Block.of(Block.Kind.SMALL, words.get("brief.audit_head", audit(brief))));
        return blocks;
    }

    static List<Block> letter(Brief brief, BriefWords words, Questionnaire questionnaire, String body) {
        ReportTexts report = questionnaire.indicators().texts(words.language());
        Map<String, String> place = place(brief, words, questionnaire);
        Map<String, String> where = Map.of("state", brief.event().stateLabel(questionnaire, words),
                "area", place.get("area"));
        List<Block> blocks = new ArrayList<>();
        if (brief.provisional()) {
            blocks.add(Block.of(Block.Kind.NOTE, words.get("brief.provisional")));
        }
        blocks.add(Block.of(Block.Kind.NOTE, words.get("letter.draft_note")));
        blocks.add(Block.of(Block.Kind.SMALL, words.get("letter.letterhead")));
        blocks.add(Block.space());
        blocks.add(Block.of(Block.Kind.TEXT, words.get("letter.date", Map.of("date", date(brief, words)))));
        blocks.add(Block.space());
        blocks.add(Block.of(Block.Kind.TEXT, words.get("letter.to")));
        lines(words.get("letter.bodies." + body + ".recipient", where)).forEach(l -> blocks.add(Block.of(Block.Kind.TEXT, l)));
        blocks.add(Block.space());
        blocks.add(Block.of(Block.Kind.HEADING, words.get("letter.subject", place)));
        blocks.add(Block.of(Block.Kind.TEXT, words.get("letter.salutation")));
        Map<String, String> intro = new java.util.HashMap<>(place);
        intro.put("count", Long.toString(brief.testimonies()));
        blocks.add(Block.of(Block.Kind.TEXT, words.get("letter.intro", intro)));
        if (!brief.figures().isEmpty()) {
            blocks.add(Block.of(Block.Kind.TEXT, words.get("letter.facts_intro")));
        }
        for (BriefFigures.Published figure : brief.figures()) {
            blocks.add(Block.of(Block.Kind.ITEM, words.get("letter.fact",
                    Map.of("label", report.label(figure.indicator().id()), "figure", figure(figure, words)))));
            for (String id : figure.indicator().safeguards()) {
                blocks.add(Block.of(Block.Kind.SMALL, words.get("letter.fact_safeguard", Map.of("safeguard",
                        report.safeguard(id), "citation", questionnaire.indicators().safeguard(id).citation()))));
            }
        }
        blocks.add(Block.of(Block.Kind.TEXT, words.get("letter.requests_intro")));
        for (String key : List.of("letter.request_inquiry", "letter.request_action", "letter.request_children",
                "letter.bodies." + body + ".request")) {
            blocks.add(Block.of(Block.Kind.ITEM, words.get(key)));
        }
        blocks.add(Block.of(Block.Kind.TEXT, words.get("letter.enclosure")));
        blocks.add(Block.space());
        blocks.add(Block.of(Block.Kind.TEXT, words.get("letter.closing")));
        blocks.add(Block.space());
        lines(words.get("letter.signature")).forEach(l -> blocks.add(Block.of(Block.Kind.TEXT, l)));
        return blocks;
    }

    /**
     * "12 of the 15 testimonies that answered this (80%)", or for a matter of the raid itself
     * "9 of the 12 testimonies that answered this say so": the figure as both writers print it.
     */
    static String figure(BriefFigures.Published figure, BriefWords words) {
        Map<String, String> p = new java.util.HashMap<>(Map.of("count", Long.toString(figure.count()),
                "denominator", Long.toString(figure.denominator())));
        String key = figure.byTestimony() ? "brief.fact_testimonies_say" : "brief.fact";
        if (figure.share() instanceof Percentage.Shown shown) {
            p.put("percent", words.get("brief.percent", Map.of("percent", Long.toString(shown.roundedPercent()))));
            return words.get(key, p);
        }
        return words.get(key + "_no_percent", p);
    }

    static Map<String, String> audit(Brief brief) {
        return Map.of("seq", Long.toString(brief.auditHead().seq()), "hash", brief.auditHead().hash());
    }

    private static Map<String, String> place(Brief brief, BriefWords words, Questionnaire questionnaire) {
        return Map.of("month", brief.event().monthLabel(words), "area", brief.event().areaLabel(questionnaire, words));
    }

    private static Map<String, String> thresholds(Brief brief) {
        return Map.of("min", Integer.toString(brief.rules().minimumCount()),
                "min_sensitive", Integer.toString(brief.rules().minimumSensitiveCount()));
    }

    private static String date(Brief brief, BriefWords words) {
        return brief.madeOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(words.language())));
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }
}
