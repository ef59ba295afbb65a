package dev.notionconsole.sandbox.oauth;

/**
 * How the token endpoint words a refused grant (docs/notion-api.md §2.10, 8 "OAuth"): Notion's status-codes page
 * documents the usual error envelope with code {@code invalid_grant}; third-party write-ups show RFC 6749 bodies
 * {@code {"error":"invalid_grant","error_description":...}}. Clients must cope with both, so the sandbox can
 * serve either. Bad client credentials are always an RFC-style 401, which Notion's SDKs cannot parse either.
 */
public enum OAuthErrorStyle {
    /** {@code {object:"error", status:400, code:"invalid_grant", message, request_id}} (default). */
    NOTION,
    /** {@code {error:"invalid_grant", error_description}}. */
    RFC6749
}
