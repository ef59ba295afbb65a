package dev.notionconsole.request.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonCheckTest {
    @Test
    void validAndEmptyBodiesPass() {
        assertTrue(JsonCheck.check("{\"query\": \"x\"}").ok());
        assertTrue(JsonCheck.check("  \n").empty());
    }

    @Test
    void trailingCommaIsPointedAtWithAHint() {
        JsonCheck.Problem p = JsonCheck.check("{\n  \"query\": \"x\",\n}").problem();
        assertEquals(3, p.line());
        assertEquals(1, p.column());
        assertTrue(p.message().contains("trailing comma"), p.message());
        assertTrue(p.describe().startsWith("Line 3, column 1: "), p.describe());
    }

    @Test
    void singleQuotesAndUnquotedNamesGetHints() {
        JsonCheck.Problem p = JsonCheck.check("{\n  'query': 1}").problem();
        assertEquals(2, p.line());
        assertEquals(3, p.column());
        assertTrue(p.message().contains("double quotes") && p.message().contains("single quote (')"), p.message());
        assertTrue(JsonCheck.check("{query: 1}").problem().message().contains("double quotes"));
    }

    @Test
    void unclosedAndMissingCommaAndTrailingText() {
        assertTrue(JsonCheck.check("{\"a\": [1, 2").problem().message().contains("not closed"));
        JsonCheck.Problem comma = JsonCheck.check("{\"a\": 1\n \"b\": 2}").problem();
        assertEquals(2, comma.line());
        assertTrue(comma.message().contains("comma"), comma.message());
        JsonCheck.Problem extra = JsonCheck.check("{\"a\": 1} }").problem();
        assertEquals(10, extra.column());
        assertTrue(extra.message().contains("after the end"), extra.message());
    }

    @Test
    void formatPrettyPrintsValidJsonAndLeavesBrokenJsonAlone() {
        assertEquals("{\n  \"a\" : [ 1, 2 ]\n}", JsonCheck.format("{\"a\":[1,2]}"));
        assertEquals("{\"a\":", JsonCheck.format("{\"a\":"));
    }

    @Test
    void lexerFindsKeysStringsNumbersLiteralsAndPunctuation() {
        String text = "{\"k\": \"v\\\"x\", \"n\": -1.5e3, \"t\": true, \"z\": null, \"a\": [false]}";
        HighlightSpans s = JsonLexer.lex(text);
        StringBuilder kinds = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            kinds.append(s.kind(i).name().charAt(0)).append(':').append(text, s.start(i), s.end(i)).append(' ');
        }
        assertEquals("P:{ K:\"k\" S:\"v\\\"x\" K:\"n\" N:-1.5e3 K:\"t\" L:true K:\"z\" L:null K:\"a\" P:[ L:false P:] P:} ",
                kinds.toString());
        assertFalse(s.hasError());
    }

    @Test
    void lexerMarksTheRestOfTheLineAfterAnError() {
        String text = "{\"a\": 1,\n \"b\": tru x\n}";
        HighlightSpans s = JsonLexer.lex(text);
        assertTrue(s.hasError());
        int last = s.size() - 1;
        assertEquals(text.indexOf("\n", 10), s.end(last));
        assertTrue(text.substring(s.start(last), s.end(last)).contains("tru"));
    }
}
