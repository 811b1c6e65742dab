package org.gawahi.bot.cli;

import java.io.PrintWriter;

import org.gawahi.config.questionnaire.QuestionnaireException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: each subcommand is a class of this package. */
@Command(name = "gawahi", mixinStandardHelpOptions = true, version = "gawahi 0.1.0",
        description = "Anonymous, sealed raid testimony over Telegram.",
        subcommands = {SimulateCommand.class, AuditCommand.class, ReportCommand.class, VerifyReportCommand.class,
                ReportKeyCommand.class, CommandLine.HelpCommand.class})
public final class GawahiCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** With a factory of its own, so tests can give commands their environment. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new GawahiCommand(), factory);
        cli.setExecutionExceptionHandler(GawahiCommand::explain);
        return cli;
    }

    /**
     * Known failures become one clear paragraph on stderr and exit code 2; no stack trace,
     * since a stack trace tells an operator nothing about what to fix.
     */
    private static int explain(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof QuestionnaireException || e instanceof UserFacingException) {
            err.println(e.getMessage());
            return 2;
        }
        err.println("gawahi: unexpected failure (" + e.getClass().getSimpleName() + "). Run again with GAWAHI_LOG_LEVEL=DEBUG for details.");
        return 1;
    }
}
