package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataDirOptionTest {
    @TempDir
    Path work;

    private static void leaves(CommandLine cli, List<CommandLine> into) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getSubcommands().isEmpty()) {
                into.add(sub);
            } else {
                leaves(sub, into);
            }
        }
    }

    @Test
    void everyCommandThatUsesTheDataDirectoryTakesDataDir() {
        List<CommandLine> commands = new ArrayList<>();
        leaves(GawahiCommand.commandLine(), commands);

        assertThat(commands).filteredOn(c -> !(c.getCommand() instanceof CommandLine.HelpCommand))
                .hasSizeGreaterThan(15)
                .allSatisfy(c -> assertThat(c.getCommandSpec().findOption("--data-dir"))
                        .as(c.getCommandSpec().qualifiedName()).isNotNull());
    }

    @Test
    void dataDirWinsOverTheEnvironmentForKeysInitAndStatus() {
        Path chosen = work.resolve("chosen");
        Cli cli = new Cli(work).dataDir(work.resolve("elsewhere")).passphrase("a long enough passphrase");

        Cli.Result init = cli.run("keys", "init", "--data-dir", chosen.toString());
        Cli.Result status = cli.run("keys", "status", "--data-dir", chosen.toString());

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(chosen.resolve("keys")).isDirectory();
        assertThat(work.resolve("elsewhere")).doesNotExist();
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains(chosen.resolve("keys").toString());
    }
}
