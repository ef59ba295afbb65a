package dev.notionconsole.request.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class BodySearchTest {
    private static int count(String body, String needle) {
        return BodySearch.countIgnoreCase(body.getBytes(StandardCharsets.UTF_8), needle, () -> false);
    }

    @Test
    void countsAsciiInEitherCaseOthersExactlyWithoutOverlaps() {
        assertEquals(3, count("{\"Object\":\"page\",\"object\":\"PAGE\"} object", "object"));
        assertEquals(2, count("aaaa", "aa"));
        assertEquals(1, count("CAFÉ café", "café"), "non-ASCII letters match exactly");
        assertEquals(0, count("short", "longer than the body"));
        assertEquals(0, count("anything", ""));
    }

    @Test
    void aWholeGeneratedBodyCountsEveryPage() {
        byte[] body = LargeBodies.searchResults(2_000_000, 3);
        String text = new String(body, StandardCharsets.UTF_8);
        int expected = text.split("\"object\":\"page\"", -1).length - 1;
        assertEquals(expected, BodySearch.countIgnoreCase(body, "\"OBJECT\":\"page\"", () -> false));
        assertThrows(CancellationException.class, () -> BodySearch.countIgnoreCase(body, "x", () -> true));
    }
}
