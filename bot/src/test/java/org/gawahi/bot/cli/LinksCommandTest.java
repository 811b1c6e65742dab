package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinksCommandTest {
    private static final String URL = "https://gawahi.example.org";

    @TempDir
    Path work;

    @BeforeEach
    void keys() {
        assertThat(new Cli(work).passphrase("our collective's long passphrase").run("keys", "init").exitCode()).isZero();
    }

    @Test
    void createPrintsOneDistinctOneTimeLinkALineWithoutAPassphrase() {
        Cli.Result result = new Cli(work).env("GAWAHI_PUBLIC_URL", URL + "/").run("links", "create", "5", "--days", "3");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(5).doesNotHaveDuplicates()
                .allSatisfy(l -> assertThat(l).matches("https://gawahi\\.example\\.org/form/#link=[A-Za-z0-9_-]{22}"));
        assertThat(result.err()).contains("5 one-time links", "3 days", "only copy");
        assertThat(new Cli(work).run("links", "count").out()).contains("5 unused links");
    }

    @Test
    void withoutThePublicUrlItSaysSoAndMakesNothing() {
        Cli.Result result = new Cli(work).run("links", "create", "3");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("GAWAHI_PUBLIC_URL", "no links were made");
        assertThat(new Cli(work).run("links", "count").out()).contains("0 unused links");
    }

    @Test
    void aPublicUrlThatIsNotHttpsMakesNothing() {
        Cli.Result result = new Cli(work).env("GAWAHI_PUBLIC_URL", "http://gawahi.example.org").run("links", "create", "3");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("GAWAHI_PUBLIC_URL", "https", "no links were made");
        assertThat(new Cli(work).run("links", "count").out()).contains("0 unused links");
    }

    @Test
    void revokeAllLeavesNoLinkThatCanSend() {
        new Cli(work).env("GAWAHI_PUBLIC_URL", URL).run("links", "create", "4");

        Cli.Result revoked = new Cli(work).run("links", "revoke-all");

        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("Revoked every link (4 could still have been used)");
        assertThat(new Cli(work).run("links", "count").out()).contains("0 unused links");
    }

    @Test
    void refusesAnImpossibleCountOrExpiry() {
        Cli cli = new Cli(work).env("GAWAHI_PUBLIC_URL", URL);
        assertThat(cli.run("links", "create", "0").err()).contains("no links were made");
        assertThat(cli.run("links", "create", "2", "--days", "0").err()).contains("no links were made");
        assertThat(cli.run("links", "create", "2", "--days", "400").err()).contains("no links were made");
        assertThat(new Cli(work).run("links", "count").out()).contains("0 unused links");
    }
}
