package dev.notionconsole.oauth;

import dev.notionconsole.core.Redactor;

/**
 * A failed authorization or token call, with a reason the UI and the command line can act on and a message that
 * says what happened and what to do. Messages never contain codes or tokens (they pass through the redactor).
 */
public class OAuthException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the flow ended. */
    public enum Reason {
        /** The redirect URI's port is taken by another program: nothing was opened in the browser. */
        PORT_IN_USE,
        /** The listener could not start for another reason. */
        LISTENER_FAILED,
        /** A response with a wrong or missing state: possibly forged, refused. */
        STATE_MISMATCH,
        /** The user clicked Cancel (access_denied). */
        ACCESS_DENIED,
        /**
         * access_denied with a reason instead of Cancel: Notion would not install the connection in that workspace,
         * typically its installation scope (decision 0120).
         */
        NOT_INSTALLABLE,
        /** Another RFC 6749 authorization error. */
        AUTHORIZATION_ERROR,
        /** No answer within the time limit. */
        TIMED_OUT,
        /** A pasted URL that is not the redirect the flow waits for. */
        NOT_A_REDIRECT,
        /** 400 invalid_grant: code used or expired, redirect URI mismatch, refresh token revoked. */
        INVALID_GRANT,
        /** 401 on the token endpoint: wrong client ID or secret. */
        INVALID_CLIENT,
        /** The token endpoint refused the request for another reason (400 other than invalid_grant). */
        REQUEST_REFUSED,
        /** The access token is invalid or revoked and no refresh is possible: authorize again. */
        REAUTHORIZE,
        /** A response we could not read. */
        UNEXPECTED_RESPONSE
    }

    private final Reason reason;

    public OAuthException(Reason reason, String message) {
        super(Redactor.redact(message));
        this.reason = reason;
    }

    public OAuthException(Reason reason, String message, Throwable cause) {
        super(Redactor.redact(message), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
