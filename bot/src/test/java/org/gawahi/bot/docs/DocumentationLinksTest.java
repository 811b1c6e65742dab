package org.gawahi.bot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of README.md, SECURITY.md and docs/*.md resolves inside the repository,
 * so a fresh clone has no dead link and none into a folder only the team has. The checker
 * itself is attacked with the broken links the README once had.
 */
class DocumentationLinksTest {

    @Test
    void everyRelativeLinkInTheReadmeSecurityAndGuidesResolvesInsideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("SECURITY.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        assertThat(files).extracting(p -> root.relativize(p).toString())
                .contains("docs/OPERATING.md", "docs/MODERATING.md", "docs/REPORTS.md", "docs/PERFORMANCE.md");

        MarkdownLinks links = new MarkdownLinks(root);
        List<String> broken = files.stream().flatMap(f -> links.brokenLinksIn(f).stream()).toList();

        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeLinksEveryGuideAndTheSecurityPage() throws IOException {
        String readme = Files.readString(repositoryRoot().resolve("README.md"));

        assertThat(readme).contains("(docs/OPERATING.md)", "(docs/MODERATING.md)", "(docs/REPORTS.md)",
                "(docs/PERFORMANCE.md)", "(SECURITY.md)");
    }

    @Test
    void aLinkIntoTheTeamsSharedFolderIsReportedAsLeavingTheRepository(@TempDir Path dir) throws IOException {
        Path repo = Files.createDirectory(dir.resolve("repo"));
        Files.createDirectories(dir.resolve("shared"));
        Files.writeString(dir.resolve("shared/DESIGN.md"), "# Design\n");
        Path readme = Files.writeString(repo.resolve("README.md"),
                "Intro.\n\nArchitecture: [`../shared/DESIGN.md`](../shared/DESIGN.md) in the team's folder.\n");

        assertThat(new MarkdownLinks(repo).brokenLinksIn(readme))
                .containsExactly("README.md:3: ../shared/DESIGN.md: leaves the repository");
    }

    @Test
    void aMissingFileAnAbsolutePathAndAnAnchorNoHeadingMakesAreReported(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/OPERATING.md"), "# Operating\n\n## Sharing the bot's link\n");
        Path guide = Files.writeString(repo.resolve("docs/REPORTS.md"), String.join("\n",
                "See [the brief](report-example.png),",
                "[install](/docs/OPERATING.md),",
                "[the link](OPERATING.md#sharing-the-bots-link) and [seizure](OPERATING.md#if-the-server-is-seized).",
                "[ref]: ../NOTES.md",
                ""));

        assertThat(new MarkdownLinks(repo).brokenLinksIn(guide)).containsExactlyInAnyOrder(
                "docs/REPORTS.md:1: report-example.png: no such file in the repository",
                "docs/REPORTS.md:2: /docs/OPERATING.md: an absolute path, which does not resolve in a clone",
                "docs/REPORTS.md:3: OPERATING.md#if-the-server-is-seized: no heading makes the anchor #if-the-server-is-seized",
                "docs/REPORTS.md:4: ../NOTES.md: no such file in the repository");
    }

    @Test
    void webAddressesAndWhatIsWrittenInCodeAreNotLinks(@TempDir Path repo) throws IOException {
        Path readme = Files.writeString(repo.resolve("README.md"), String.join("\n",
                "[Telegram](https://core.telegram.org/bots/api), [mail](mailto:a@b.example)",
                "`[not a link](missing.md)`",
                "```",
                "[nor this](missing.md)",
                "```",
                "[this one](#a-heading)",
                "",
                "## A heading",
                ""));

        assertThat(new MarkdownLinks(repo).brokenLinksIn(readme)).isEmpty();
    }

    /** The build runs in bot/; the repository is the first folder up that holds mvnw and README.md. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("README.md")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository's top folder").isNotNull();
        return dir;
    }
}
