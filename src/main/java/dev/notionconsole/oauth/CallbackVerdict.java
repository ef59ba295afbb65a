package dev.notionconsole.oauth;

import dev.notionconsole.core.http.QueryString;
import dev.notionconsole.core.Secret;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What a request that reached the redirect URI (or a URL pasted by hand) means for the flow. One routine for
 * both paths, so the listener and the paste fallback apply exactly the same checks: the path, then the
 * state, then code or error.
 */
public sealed interface CallbackVerdict {
    /** Another path (e.g. {@code /favicon.ico}): not an answer, keep waiting. */
    record WrongPath(String path) implements CallbackVerdict {
    }

    /** The registered path but neither {@code code} nor {@code error}: not an answer, keep waiting. */
    record NotAnAnswer() implements CallbackVerdict {
    }

    /** State missing, repeated or different: refused; the flow reports a possible forged request. */
    record Forged(String detail) implements CallbackVerdict {
    }

    /** A genuine answer. */
    record Answer(AuthorizationResponse response) implements CallbackVerdict {
    }

    /** Judges a request line's raw path and raw query. */
    static CallbackVerdict judge(String rawPath, String rawQuery, RedirectUri redirectUri, OAuthState expected) {
        if (rawPath == null || !rawPath.equals(redirectUri.path())) {
            return new WrongPath(rawPath);
        }
        Map<String, List<String>> params = parseQuery(rawQuery);
        if (!params.containsKey("code") && !params.containsKey("error")) {
            return new NotAnAnswer();
        }
        List<String> states = params.getOrDefault("state", List.of());
        if (states.isEmpty() || states.get(0).isEmpty()) {
            return new Forged("the answer carried no state");
        }
        // RFC 6749 3.1: parameters must not repeat; a repeated state or code is not a response we made
        if (states.size() > 1 || params.getOrDefault("code", List.of()).size() > 1) {
            return new Forged("the answer repeated the state or code parameter");
        }
        if (!expected.matches(states.get(0))) {
            return new Forged("the state in the answer does not match the one this console sent");
        }
        if (params.containsKey("error")) {
            String code = first(params, "error");
            return new Answer(new AuthorizationResponse.Denied(AuthorizationError.fromCode(code), code,
                    first(params, "error_description"), first(params, "error_uri")));
        }
        String code = first(params, "code");
        if (code == null || code.isBlank()) {
            return new NotAnAnswer();
        }
        return new Answer(new AuthorizationResponse.Granted(Secret.of(code)));
    }

    /**
     * Judges a URL pasted by hand: the full redirected URL from the browser's address bar, or just its query.
     * The path must match the redirect URI's; host and port may differ (the browser may have run elsewhere).
     */
    static CallbackVerdict judgePasted(String pasted, RedirectUri redirectUri, OAuthState expected) {
        String text = pasted == null ? "" : pasted.strip();
        if (text.startsWith("?")) {
            return judge(redirectUri.path(), text.substring(1), redirectUri, expected);
        }
        if (!text.contains("://") && (text.contains("code=") || text.contains("error="))) {
            return judge(redirectUri.path(), text, redirectUri, expected);
        }
        try {
            URI uri = new URI(text);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return judge(path, uri.getRawQuery(), redirectUri, expected);
        } catch (java.net.URISyntaxException e) {
            return new WrongPath(null);
        }
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> v = params.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** application/x-www-form-urlencoded, keeping repeats; a malformed escape is kept literally. */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        return QueryString.parseMulti(rawQuery);
    }


}
