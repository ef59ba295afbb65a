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

    /** Issue 12 item 12: token shapes glued to other text, URL-encoded, or never registered are masked. */
    @Test
    void masksTokensGluedToTextUrlEncodedOrNeverSeenBefore() {
        String echoed = "{\"object\":\"error\",\"message\":\"body.query: xntn_4Rz8wQ2pL6mN0vB3cX7yT1kJ5hG9fD2sA4 is not a page\"}";
        String url = "https://example.test/cb?auth=Bearer%20ntn_4Rz8wQ2pL6mN0vB3cX7yT1kJ5hG9fD2sA5&x=1";
        String plus = "Authorization=Bearer+ntn_4Rz8wQ2pL6mN0vB3cX7yT1kJ5hG9fD2sA6";
        String sandbox = "typed ntn_sandbox_docs_sync_FAKE_TOKEN_0000000000000001 into a body";
        String refresh = "refresh=nrt_4Rz8wQ2pL6mN0vB3cX7yT1kJ5hG9fD2sA7;dev=development_ntn_4Rz8wQ2pL6mN0vB3cX7y";
        for (String text : new String[] {echoed, url, plus, sandbox, refresh}) {
            String out = Redactor.redact(text);
            assertFalse(out.contains("4Rz8wQ2pL6mN0vB3cX7yT1kJ5hG9f"), out);
            assertFalse(out.contains("sandbox_docs_sync_FAKE"), out);
            assertFalse(out.contains("development_ntn_4Rz8"), out);
        }
        assertTrue(Redactor.redact(echoed).contains("xntn_…2sA4"), Redactor.redact(echoed));
        assertTrue(Redactor.redact(url).contains("Bearer%20ntn_…2sA5&x=1"), Redactor.redact(url));
    }

    @Test
    void namesThatOnlyLookLikeAPrefixStayReadable() {
        String text = "token_endpoint_auth_method=client_secret_basic; secret_rotation on /v1/pages/ntn_";
        assertEquals(text, Redactor.redact(text));
    }

    @Test
    void stripLeavesNothingOfASecretNotEvenItsMaskedTail() {
        String token = "ntn_4128936718aBcDeFgHiJkLmNoPqRsTuVwXyZ";
        assertEquals("Authorization: Bearer [removed]", Redactor.strip("Authorization: Bearer " + token));
        assertEquals("Bearer [removed] and [removed]", Redactor.strip("Bearer ntn_…WxYz and " + Redactor.mask(token)));
        assertEquals("code=[removed]&state=s1", Redactor.strip("code=abcd-1234&state=s1"));
        assertEquals("a [removed]", Redactor.strip("a ••••"));
        assertTrue(Redactor.isSecretField("Client_Secret"));
        assertFalse(Redactor.isSecretField("bot_id"));
    }

    @Test
    void aRefusedSecretEchoedByAValidationMessageIsMaskedToo() {
        String message = "body failed validation: body.client_secret should be not present, instead was `\"abc-secret-value\"`.";
        assertFalse(Redactor.redact(message).contains("abc-secret-value"), Redactor.redact(message));
        assertFalse(Redactor.strip(message).contains("abc-secret"), Redactor.strip(message));
        String other = "body.parent.page_id should be a valid uuid, instead was `\"Launch\"`.";
        assertEquals(other, Redactor.redact(other));
    }
}
