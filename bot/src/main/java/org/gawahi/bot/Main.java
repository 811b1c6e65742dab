package org.gawahi.bot;

import org.gawahi.bot.cli.GawahiCommand;
import picocli.CommandLine;

/** The one entry point of the jar: {@code java -jar gawahi.jar <command>}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(GawahiCommand.commandLine().execute(args));
    }
}
