package dev.notionconsole.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.Secret;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ErrorReportTest {
    @Test
    void theSummaryIsTheInnermostCauseAndIsRedacted() {
        Throwable t = new IllegalStateException("outer",
                new IOException("Authorization: Bearer ntn_4567890123456789abcdefABCDEF rejected"));
        String summary = ErrorReport.summary(t);
        assertTrue(summary.startsWith("IOException: "), summary);
        assertFalse(summary.contains("ntn_4567890123456789abcdefABCDEF"), summary);
    }

    @Test
    void detailsCarryVersionsAndTheStackTraceButNoSecret() {
        Secret token = Secret.of("secret_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg");
        Throwable t = new RuntimeException("failed with " + token.reveal());
        String details = ErrorReport.details("Could not send", "The request failed", t);
        assertTrue(details.contains("Java " + System.getProperty("java.version")), details);
        assertTrue(details.contains("at dev.notionconsole.ui.common.ErrorReportTest"), details);
        assertFalse(details.contains(token.reveal()), details);
    }

    @Test
    void aMessagelessExceptionIsNamed() {
        assertEquals("NullPointerException", ErrorReport.summary(new NullPointerException()));
    }
}
