package dev.notionconsole.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {
    @Test
    void decodesPairsInOrderKeepingRepeats() {
        assertEquals(List.of(new QueryString.Param("page_id", "a b"), new QueryString.Param("page_id", "c&d"),
                        new QueryString.Param("flag", "")),
                QueryString.parse("page_id=a+b&&page_id=c%26d&flag"));
        assertEquals(Map.of("state", List.of("x", "y")), QueryString.parseMulti("state=x&state=y"));
    }

    @Test
    void keepsAMalformedEscapeAsTyped() {
        assertEquals(List.of(new QueryString.Param("code", "50%zz"), new QueryString.Param("ok", "1")),
                QueryString.parse("code=50%zz&ok=1"));
    }

    @Test
    void emptyOrMissingIsEmpty() {
        assertEquals(List.of(), QueryString.parse(null));
        assertEquals(Map.of(), QueryString.parseMulti(""));
    }
}
