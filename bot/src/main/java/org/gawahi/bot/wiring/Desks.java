package org.gawahi.bot.wiring;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Screen;
import org.gawahi.bot.moderation.ModerationDesk;
import org.gawahi.bot.reports.ReportDesk;
import org.gawahi.bot.reports.ReportJob;
import org.gawahi.bot.telegram.Engine;
import org.gawahi.storage.drafts.ChatRef;

/**
 * The desks as the Telegram adapter sees them: reports in front of review in front of the
 * interview; review screens expire from the phone; reports are made, and notices (urgent
 * arrivals, a moderator's one message back) sent, after the commit. Public so that the
 * end-to-end tests drive the very composition the application runs.
 */
public final class Desks {
    private Desks() {
    }

    public static Engine engine(ReportDesk reports, ModerationDesk desk) {
        return new Engine() {
            @Override
            public Screen handle(ChatRef chat, String languageCode, Input input) {
                return reports.handle(chat, languageCode, input);
            }

            @Override
            public Optional<ReportJob> report(ChatRef chat) {
                return reports.takeJob(chat);
            }

            @Override
            public Optional<Duration> expiresAfter(ChatRef chat) {
                return desk.expiresAfter(chat);
            }

            @Override
            public Map<Long, String> notices() {
                return desk.notices();
            }
        };
    }
}
