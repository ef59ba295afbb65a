package dev.notionconsole.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NotionIdsTest {
    static final String ID = "59833787-2cf9-4fdf-8782-e53db20768a5";
    static final String HEX = "598337872cf94fdf8782e53db20768a5";
    static final String VIEW = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String PEEK = "370535e3ed4b8011a1b2c3d4e5f60718";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // bare forms
            ID + "|" + ID,
            HEX + "|" + ID,
            "598337872CF94FDF8782E53DB20768A5|" + ID,
            "<" + ID + ">|" + ID,
            "Roadmap-" + HEX + "|" + ID,
            "59833787-2cf94fdf-8782e53d-b20768a5|" + ID,
            // links
            "https://www.notion.so/acme/Roadmap-" + HEX + "|" + ID,
            "https://www.notion.so/acme/Roadmap-" + HEX + "?v=" + VIEW + "|" + ID,
            "https://www.notion.so/acme/Roadmap-" + HEX + "?v=" + VIEW + "&pvs=4|" + ID,
            "https://www.notion.so/" + HEX + "|" + ID,
            "https://notion.so/" + HEX + "?pvs=21|" + ID,
            "www.notion.so/acme/Q3-Plan-" + HEX + "|" + ID,
            "notion.so/" + HEX + "|" + ID,
            "https://acme.notion.site/Public-Page-" + HEX + "|" + ID,
            "https://www.notion.com/acme/Roadmap-" + HEX + "|" + ID,
            "notion://www.notion.so/acme/Roadmap-" + HEX + "|" + ID,
            "https://www.notion.so/acme/%E4%BC%9A%E8%AE%AE-" + HEX + "|" + ID,
            "https://api.notion.com/v1/blocks/" + ID + "/children?page_size=100|" + ID,
            "https://www.notion.so/Roadmap-" + HEX + "#hello|" + ID,
    })
    void readsEveryForm(String input, String expected) {
        NotionIds.Result r = NotionIds.parse(input);
        assertTrue(r.ok(), () -> input + " -> " + r.reason());
        assertEquals(expected, r.id());
        assertTrue(NotionIds.isCanonical(r.id()));
    }

    @Test
    void notesSayWhatWasDone() {
        NotionIds.Result r = NotionIds.parse("https://www.notion.so/acme/Roadmap-" + HEX + "?v=" + VIEW);
        assertEquals(NotionIds.Kind.PAGE_OR_DATABASE, r.kind());
        assertTrue(r.notesText().contains("took the ID from the link"), r.notesText());
        assertTrue(r.notesText().contains("ignored view ?v=" + VIEW), r.notesText());
        assertEquals(NotionIds.lowerDashed(VIEW), r.related().get("view"));

        assertTrue(NotionIds.parse(HEX).notesText().contains("added the dashes"));
        assertEquals("", NotionIds.parse(ID).notesText(), "nothing to say about a canonical ID");
        assertTrue(NotionIds.parse("Roadmap-" + HEX).notesText().contains("end of \"Roadmap"));
    }

    @Test
    void peekLinkGivesThePageAndNamesTheDatabase() {
        NotionIds.Result r = NotionIds.parse("https://www.notion.so/acme/" + HEX + "?v=" + VIEW + "&p=" + PEEK + "&pm=s");
        assertEquals(NotionIds.lowerDashed(PEEK), r.id());
        assertEquals(NotionIds.Kind.PAGE, r.kind());
        assertEquals(ID, r.related().get("database"));
        assertTrue(r.notesText().contains("?p="), r.notesText());
        NotionIds.Result bare = NotionIds.parse("?p=" + PEEK);
        assertEquals(NotionIds.lowerDashed(PEEK), bare.id());
    }

    @Test
    void blockFragmentGivesTheBlockAndNamesThePage() {
        NotionIds.Result r = NotionIds.parse("https://www.notion.so/acme/Roadmap-" + HEX + "#block-" + PEEK);
        assertEquals(NotionIds.lowerDashed(PEEK), r.id());
        assertEquals(NotionIds.Kind.BLOCK, r.kind());
        assertEquals(ID, r.related().get("page"));
        assertEquals(NotionIds.lowerDashed(PEEK), NotionIds.parse("https://www.notion.so/Roadmap-" + HEX + "#" + PEEK).id());
        assertEquals(NotionIds.lowerDashed(PEEK), NotionIds.parse("#block-" + PEEK).id());
    }

    @Test
    void parameterForms() {
        assertEquals(ID, NotionIds.parse("page_id=" + HEX).id());
        assertEquals(NotionIds.Kind.DATABASE, NotionIds.parse("database_id=" + ID).kind());
        assertEquals(NotionIds.Kind.PAGE, NotionIds.parse("https://example.com/callback?page_id=" + HEX).kind());
        NotionIds.Result ds = NotionIds.parse("collection://" + ID);
        assertEquals(ID, ds.id());
        assertEquals(NotionIds.Kind.DATA_SOURCE, ds.kind());
    }

    @Test
    void versionNibbleIsNotValidated() {
        assertEquals("370535e3-ed4b-8011-a1b2-c3d4e5f60718", NotionIds.canonical(PEEK));
        assertEquals("00000000-0000-0000-0000-000000000000", NotionIds.canonical("0".repeat(32)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "?v=" + VIEW + "|view ID from ?v=",
            "v=" + VIEW + "|view ID from ?v=",
            "https://www.notion.so/acme?v=" + VIEW + "|only has a view ID",
            "598337872cf94fdf8782e53db20768a|31 hex digits: one is missing",
            "598337872cf94fdf8782e53db2076|29 hex digits: 3 are missing",
            "598337872cf94fdf8782e53db20768a5a|33 hex digits: one too many",
            HEX + HEX + "|two IDs ran together",
            "598337872cg94fdf8782e53db20768a5|'g' (character 11) is not a hex digit",
            "ntn_4991090011501Ejc6Xn4sHguI7jZIN449mKe9PRhp|looks like a Notion token",
            "secret_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345|looks like a Notion token",
            "Bearer ntn_4991090011501Ejc6Xn4sHguI7jZIN449mKe9PRhp|looks like a Notion token",
            "https://www.notion.so/acme|has no page ID",
            "https://www.notion.so/acme/Roadmap-598337872cf94fdf8782e53db20768a|one is missing",
            "https://example.com/about|has no Notion ID",
            "hello world|Not a Notion ID",
            "someone@example.com|email address",
    })
    void refusesGarbageWithAPreciseReason(String input, String reasonPart) {
        NotionIds.Result r = NotionIds.parse(input);
        assertFalse(r.ok(), () -> input + " -> " + r.id());
        assertNull(r.id());
        assertTrue(r.reason().contains(reasonPart), () -> input + " -> " + r.reason());
    }

    @Test
    void quotesAndWhiteSpaceAreRemovedWithANote() {
        NotionIds.Result r = NotionIds.parse("  \"" + HEX + "\"\n");
        assertEquals(ID, r.id());
        assertTrue(r.notesText().contains("quotes"), r.notesText());
        NotionIds.Result split = NotionIds.parse("59833787 2cf94fdf\n8782e53db20768a5");
        assertEquals(ID, split.id());
        assertTrue(split.notesText().contains("white space"), split.notesText());
    }

    @Test
    void nullAndBlank() {
        assertTrue(NotionIds.parse("   ").reason().contains("Nothing to read"));
        assertFalse(NotionIds.parse(null).ok());
        assertFalse(NotionIds.parse("").ok());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NotionIds.canonical("nope"));
        assertTrue(e.getMessage().startsWith("Not a Notion ID"));
    }

    @Test
    void tokenIsNotEchoedBack() {
        String token = "ntn_4991090011501Ejc6Xn4sHguI7jZIN449mKe9PRhp";
        NotionIds.Result r = NotionIds.parse(token);
        assertFalse(r.input().contains(token), r.input());
        assertFalse(r.reason().contains(token));
        assertFalse(r.toString().contains(token));
    }

    @Test
    void undashedForm() {
        assertEquals(HEX, NotionIds.undashed(ID));
    }
}
