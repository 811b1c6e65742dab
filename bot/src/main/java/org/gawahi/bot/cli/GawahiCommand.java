package org.gawahi.bot.cli;

import java.io.PrintWriter;
import java.util.Objects;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: each subcommand is a class of this package. */
@Command(name = "gawahi", mixinStandardHelpOptions = true, version = "gawahi 0.1.0",
        description = "Anonymous, sealed raid testimony over Telegram.",
        subcommands = {SimulateCommand.class, RunCommand.class, KeysCommand.class, BackupCommand.class,
                DoctorCommand.class, AuditCommand.class, RolesCommand.class, ReviewCommand.class, ExportCommand.class,
                ReportCommand.class, BriefCommand.class, VerifyReportCommand.class, ReportKeyCommand.class, TranslationsCommand.class, LinksCommand.class,
                CommandLine.HelpCommand.class})
public final class GawahiCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CliEnvironment environment;

    GawahiCommand(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line of the real process. */
    public static CommandLine commandLine() {
        return commandLine(CliEnvironment.system());
    }

    /** The command line reading and writing only through {@code environment} (tests). */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine cli = new CommandLine(new GawahiCommand(environment));
        cli.setOut(new PrintWriter(environment.out(), true));
        cli.setErr(new PrintWriter(environment.err(), true));
        cli.setExecutionExceptionHandler(GawahiCommand::explain);
        addDataDirOption(cli);
        return cli;
    }

    /**
     * {@code --data-dir} on every command that does something (each uses the data directory),
     * the same as setting {@code GAWAHI_DATA_DIR} for that command; commands that declare
     * their own keep it.
     */
    private static void addDataDirOption(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (!sub.getSubcommands().isEmpty()) {
                addDataDirOption(sub);
            } else if (!(sub.getCommand() instanceof CommandLine.HelpCommand)
                    && sub.getCommandSpec().findOption(DATA_DIR_OPTION) == null) {
                sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder(DATA_DIR_OPTION)
                        .paramLabel("DIR").type(String.class)
                        .description("The data directory (default: " + DataDirectory.VARIABLE + ", else ./data).")
                        .build());
            }
        }
    }

    static final String DATA_DIR_OPTION = "--data-dir";

    /** The environment of the command line a subcommand belongs to, with its {@code --data-dir} if given. */
    static CliEnvironment environment(CommandLine.Model.CommandSpec spec) {
        CliEnvironment env = ((GawahiCommand) spec.root().userObject()).environment;
        CommandLine.Model.OptionSpec dataDir = spec.findOption(DATA_DIR_OPTION);
        if (dataDir != null && dataDir.getValue() != null && !dataDir.getValue().toString().isBlank()) {
            return env.withVariable(DataDirectory.VARIABLE, dataDir.getValue().toString());
        }
        return env;
    }

    /**
     * Known failures become one clear paragraph on stderr and exit code 2; no stack trace,
     * since a stack trace tells an operator nothing about what to fix.
     */
    private static int explain(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        CliEnvironment env = environment(cli.getCommandSpec());
        var explained = Failures.explain(e);
        boolean debug = "DEBUG".equalsIgnoreCase(env.variable("GAWAHI_LOG_LEVEL").orElse(""));
        if (explained.isPresent()) {
            err.println(explained.get());
            if (debug) {
                e.printStackTrace(err);
            }
            return 2;
        }
        err.println("gawahi: unexpected failure (" + e.getClass().getSimpleName()
                + "). Run again with GAWAHI_LOG_LEVEL=DEBUG for details.");
        if (debug) {
            e.printStackTrace(err);
        }
        return 1;
    }
}
