package org.gawahi.bot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Create, rotate and inspect the collective's keys (in GAWAHI_DATA_DIR/keys).",
        subcommands = {KeysInitCommand.class, KeysRotateCommand.class, KeysStatusCommand.class})
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
