package dev.notionconsole.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void masksRegisteredSecretsAnywhereInText() {
        Secret s = Secret.of("opaque-value-without-prefix-12345");
        String out = Redactor.redact("failed with opaque-value-without-prefix-12345 in it");
        assertFalse(out.contains("opaque-value-without-prefix-12345"), out);
        assertTrue(out.contains("…2345"), out);
        assertEquals("…2345", s.toString());
    }

    @Test
    void masksTokenShapesAndAuthorizationHeaders() {
        String text = "Authorization: Bearer ntn_abcdefghijklmnopqrstuvwxyz0123 and secret_ABCDEFGHIJKLMNOPQRSTUV"
                + " Basic Y2xpZW50OnNlY3JldA== {\"refresh_token\": \"nrt_1234567890abcdef\"} code=abcdef123";
        String out = Redactor.redact(text);
        assertFalse(out.contains("abcdefghijklmnopqrstuvwxyz"), out);
        assertFalse(out.contains("ABCDEFGHIJKLMNOPQRSTUV"), out);
        assertFalse(out.contains("Y2xpZW50OnNlY3JldA"), out);
        assertFalse(out.contains("1234567890abcdef"), out);
        assertFalse(out.contains("abcdef123"), out);
        assertTrue(out.contains("Bearer ntn_…0123"), out);
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "GET /v1/pages/59833787-2cf9-4fdf-8782-e53db20768a5 -> 404 object_not_found";
        assertEquals(text, Redactor.redact(text));
    }

    @Test
    void pastedTokensLoseWhiteSpaceAndEmptyOnesAreRefused() {
        assertEquals("ntn_abc123", Secret.of("  ntn_abc123 \n").reveal());
        assertThrows(IllegalArgumentException.class, () -> Secret.of(" \t "));
    }

    @Test
    void maskIsIdempotentAndHidesShortValuesCompletely() {
        String masked = Redactor.mask("ntn_0123456789abcdefXYZW");
        assertEquals("ntn_…XYZW", masked);
        assertEquals(masked, Redactor.mask(masked));
        assertEquals("••••", Redactor.mask("short"));
    }
}
