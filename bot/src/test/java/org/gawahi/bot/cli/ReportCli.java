package org.gawahi.bot.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine;

/** Runs `gawahi ...` in-process with a given environment, no terminal, and a fixed clock. */
final class ReportCli {
    static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    record Run(int exit, String out, String err) {
    }

    private ReportCli() {
    }

    static Run run(Map<String, String> variables, String... args) {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ReportEnvironment env = new ReportEnvironment(variables, prompt -> Optional.empty(),
                new PrintStream(progress, true, StandardCharsets.UTF_8), CLOCK);
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ReportCommand.class) {
                    return (K) new ReportCommand(env);
                }
                if (cls == ReportKeyCommand.Create.class) {
                    return (K) new ReportKeyCommand.Create(env);
                }
                return defaults.create(cls);
            }
        };
        CommandLine cli = GawahiCommand.commandLine(factory);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err + progress.toString(StandardCharsets.UTF_8));
    }
}
