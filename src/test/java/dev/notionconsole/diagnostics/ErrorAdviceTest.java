package dev.notionconsole.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.notion.ErrorCodes;
import org.junit.jupiter.api.Test;

/** The advice moved out of notion.ErrorCodes: every code still has a meaning there and a fix here. */
class ErrorAdviceTest {
    @Test
    void everyCodeHasAFixAndTheLineStartsWithItsMeaning() {
        ErrorCodes.all().forEach((code, d) -> {
            String fix = ErrorAdvice.fix(code).orElseThrow(() -> new AssertionError("no advice for " + code));
            assertFalse(fix.isBlank(), code);
            assertEquals(d.meaning() + " " + fix, ErrorAdvice.describe(code));
        });
    }

    @Test
    void aNotFoundIsNotBlamedOnSharingAlone() {
        String advice = ErrorAdvice.fix(ErrorCodes.OBJECT_NOT_FOUND).orElseThrow();
        assertTrue(advice.contains("data source ID") && advice.contains("view ID"), advice);
        assertTrue(ErrorAdvice.describe("brand_new_code").contains("brand_new_code"));
    }
}
