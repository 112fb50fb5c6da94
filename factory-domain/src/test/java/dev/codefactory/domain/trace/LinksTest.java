package dev.codefactory.domain.trace;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// covers feature-010/FR-006
class LinksTest {
    private static final RequirementRef FR3 = RequirementRef.parse("feature-010/FR-003");
    private static final RequirementRef FR4 = RequirementRef.parse("feature-010/FR-004");

    /**
     * The test lines write the link words as {@code IMPL} and {@code COV}, given to the scanner as the real words: the
     * project's own {@code factory trace} reads this file too, and must not take its fixtures for links.
     */
    private static Links scan(String line, boolean testFile) {
        return Links.scan(line.replaceAll("\\bIMPL\\b", "implements").replaceAll("\\bCOV\\b", "covers"), testFile);
    }

    private static String placeholder(LinkKind kind) {
        return kind == LinkKind.IMPLEMENTS ? "IMPL" : "COV";
    }

    private static List<String> links(String line) {
        return scan(line, true).links().stream().map(l -> placeholder(l.kind()) + " " + l.ref() + " @" + l.column())
                .toList();
    }

    @Test
    void reads_an_implements_link_in_a_java_comment() {
        Links found = scan("    // IMPL feature-010/FR-003", false);

        assertEquals(List.of(new Link(FR3, LinkKind.IMPLEMENTS, 19)), found.links());
        assertEquals(List.of(), found.findings());
    }

    @Test
    void reads_links_in_the_comments_of_several_languages() {
        assertEquals(List.of("COV feature-010/FR-003 @14"), links("    # COV feature-010/FR-003"));
        assertEquals(List.of("IMPL feature-010/NFR-001 @16"),
                links("\t// IMPL feature-010/NFR-001 (Go)"));
        assertEquals(List.of("IMPL feature-010/FR-003 @15"), links("/* IMPL feature-010/FR-003 */"));
        assertEquals(List.of("IMPL feature-010/FR-003 @20"), links(" * @see IMPL feature-010/FR-003."));
        assertEquals(List.of("COV feature-010/FR-003 @11"), links("-- COV feature-010/FR-003"));
        assertEquals(List.of("IMPL feature-010/FR-003 @17"),
                links("<!-- IMPL feature-010/FR-003 -->"));
        assertEquals(List.of("COV auth-login/FR-001 @35"),
                links("  it('logs in', () => { // COV auth-login/FR-001"));
        assertEquals(List.of("IMPL feature-010/FR-003 @36"),
                links("func Trace() error { // IMPL feature-010/FR-003"));
        assertEquals(List.of("COV feature-010/FR-003 @37"),
                links("    def test_trace(self):  # COV feature-010/FR-003"));
    }

    @Test
    void reads_several_references_separated_by_commas_or_spaces() {
        assertEquals(List.of(new Link(FR3, LinkKind.IMPLEMENTS, 15), new Link(FR4, LinkKind.IMPLEMENTS, 35)),
                scan("// IMPL feature-010/FR-003, feature-010/FR-004", false).links());
        assertEquals(List.of("COV feature-010/FR-003 @10", "COV feature-010/FR-004 @29"),
                links("# COV feature-010/FR-003 feature-010/FR-004 and more words"));
        assertEquals(List.of("COV feature-010/FR-003 @10", "COV feature-010/FR-004 @30"),
                links("# COV feature-010/FR-003 ,feature-010/FR-004"));
    }

    @Test
    void reads_both_words_on_one_line() {
        assertEquals(List.of("IMPL feature-010/FR-003 @15", "COV feature-010/FR-004 @42"),
                links("// IMPL feature-010/FR-003; COV feature-010/FR-004"));
    }

    @Test
    @org.junit.jupiter.api.Tag("feature-010/FR-006")
    void reads_a_junit_tag_in_a_test_file_as_covers() {
        String line = "    @Tag(\"feature-010/FR-003\") @Tag(\"slow\")";

        assertEquals(List.of(new Link(FR3, LinkKind.COVERS, 11)), scan(line, true).links());
        assertEquals(List.of(), scan(line, false).links());
        assertEquals(List.of("COV feature-010/FR-003 @30", "COV feature-010/FR-004 @64"),
                links("@org.junit.jupiter.api.Tag( \"feature-010/FR-003\") @Tags({@Tag(\"feature-010/FR-004\")})"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "public final class Links IMPL Runnable, Serializable {",
        "class A IMPL B",
        "# this test COV the empty case",
        "// discovers feature-010/FR-003 and recovers feature-010/FR-003",
        "// Implements feature-010/FR-003",
        "// IMPL:feature-010/FR-003",
        "// implementsfeature-010/FR-003",
        "/** @IMPL {Foo} */",
        "// IMPL src/main/java",
        "@Tag(\"slow\") @Tag(unquoted) @Tag(\"feature-010/FR-003",
        "String s = \"implements\";",
        ""})
    void finds_nothing_where_there_is_no_link(String line) {
        Links found = scan(line, true);

        assertEquals(List.of(), found.links(), line);
        assertEquals(List.of(), found.findings(), line);
    }

    // covers feature-010/FR-013
    @Test
    void finds_malformed_references_after_the_words() {
        Links found = scan("// IMPL feature-010/FR-1, feature-010/FR-004, feature-010/fr-002", false);

        assertEquals(List.of(new Link(FR4, LinkKind.IMPLEMENTS, 33)), found.links());
        assertEquals(List.of(15, 53), found.findings().stream().map(LinkFinding::column).toList());
        assertEquals("feature-010/FR-1", found.findings().get(0).text());
        assertTrue(found.findings().get(0).message().contains("at least three digits"),
                found.findings().get(0).message());
        assertTrue(found.findings().get(1).message().contains("capitals"), found.findings().get(1).message());
    }

    // covers feature-010/FR-013
    @ParameterizedTest
    @ValueSource(strings = {
        "// IMPL feature-010/FR-1",
        "// IMPL feature-010/FR-",
        "// IMPL feature-010/",
        "// IMPL feature-010/XR-001",
        "// COV Feature-010/FR-001",
        "// COV feature--010/FR-001",
        "// COV FR-003",
        "@Tag(\"feature-010/FR-01\")"})
    void finds_each_malformed_form(String line) {
        Links found = scan(line, true);

        assertEquals(List.of(), found.links(), line);
        assertEquals(1, found.findings().size(), line);
    }

    // covers feature-010/FR-013
    @Test
    void says_to_name_the_spec_of_a_bare_id() {
        LinkFinding finding = scan("# COV FR-003", false).findings().get(0);

        assertEquals(new LinkFinding(10, "FR-003", finding.message()), finding);
        assertTrue(finding.message().contains("<spec id>/FR-003"), finding.message());
    }

    @Test
    void reads_a_crlf_line() {
        assertEquals(List.of(new Link(FR3, LinkKind.COVERS, 10)),
                scan("# COV feature-010/FR-003\r\n", false).links());
        assertEquals(List.of(new Link(FR3, LinkKind.COVERS, 10)),
                scan("# COV feature-010/FR-003\r", false).links());
    }

    @Test
    void reads_past_control_characters() {
        Links found = scan("\u0000\u001b[2J// implements\tfeature-010/FR-003\u0007 COV feature-010/FR\u0000",
                false);

        assertEquals(List.of(FR3), found.links().stream().map(Link::ref).toList());
        assertEquals(1, found.findings().size());
    }

    @Test
    void scans_a_100000_character_line_quickly() {
        String filler = "x".repeat(50_000);
        String line = filler + " // IMPL feature-010/FR-003 " + "IMPL ".repeat(4_000);
        line = line + "y".repeat(Math.max(0, 100_000 - line.length()));

        String scanned = line;
        Links found = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> scan(scanned, true));

        assertEquals(100_000, line.length());
        assertEquals(List.of(new Link(FR3, LinkKind.IMPLEMENTS, 50_016)), found.links());
    }

    @Test
    void scans_100000_characters_of_references_and_tags_quickly() {
        String refs = "// COV " + "feature-010/FR-1 ".repeat(6_000);
        String tags = "@Tag(\"".repeat(16_000);
        String worst = "a/FR-".repeat(20_000);

        for (String line : List.of(refs, tags, worst, "IMPL " + worst, "\"".repeat(100_000))) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> scan(line, true));
        }
        assertEquals(6_000, scan(refs, false).findings().size());
    }

    @Test
    void never_throws_on_random_lines() {
        Random random = new Random(14);
        String alphabet = "implements covers @Tag(\"feature-010/FR-003, NFR-01 fr-\r\n\t\u0000\u001b/-,_\"()";
        for (int run = 0; run < 5_000; run++) {
            int length = random.nextInt(200);
            StringBuilder line = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                line.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = line.toString();
            boolean testFile = random.nextBoolean();
            Links found = assertDoesNotThrow(() -> scan(text, testFile), text);
            for (Link link : found.links()) {
                assertTrue(text.startsWith(link.ref().toString(), link.column() - 1), text);
            }
            for (LinkFinding finding : found.findings()) {
                assertTrue(text.startsWith(finding.text(), finding.column() - 1), text);
            }
            assertDoesNotThrow(() -> SpecRequirements.read("## Requirements\n- " + text, 1), text);
            assertDoesNotThrow(() -> RequirementId.tryParse(text), text);
            assertDoesNotThrow(() -> RequirementRef.tryParse(text), text);
        }
    }
}
