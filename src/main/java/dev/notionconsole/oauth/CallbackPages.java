package dev.notionconsole.oauth;

import dev.notionconsole.core.AppInfo;
import dev.notionconsole.core.Html;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The small pages the redirect listener answers the browser with. They use the console's colours (AtlantaFX
 * Primer, light and dark), escape everything that came from outside, tell the user to go back to the console,
 * and warn not to share the address bar (it held a one-time code; oauth-loopback.md 4.1). A tiny inline script,
 * allowed by its hash in the Content-Security-Policy and nothing else, removes the query from the address bar.
 */
public final class CallbackPages {
    /** Removes {@code ?code=...&state=...} from the address bar and history entry. */
    private static final String SCRUB_SCRIPT = "history.replaceState(null,'',location.pathname);";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "script-src '" + sha256(SCRUB_SCRIPT) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private CallbackPages() {
    }

    /** Allow: the console has the code and is finishing the installation. */
    public static String success(String connectionName) {
        return page("Authorization received", Kind.SUCCESS,
                "Notion Console received the authorization for <strong>" + Html.escape(connectionName) + "</strong>.",
                "Return to Notion Console: it is finishing the installation there. You can close this tab.");
    }

    /** Cancel, another RFC 6749 error, or a refused (possibly forged) answer. */
    public static String failure(String title, String detail) {
        return page(title, Kind.FAILURE, Html.escape(detail),
                "Return to Notion Console for details and to try again. You can close this tab.");
    }

    /** The registered path without an answer, or an answer after the flow already has one. */
    public static String notAnAnswer(String detail) {
        return page("Nothing to do here", Kind.NEUTRAL, Html.escape(detail),
                "Return to Notion Console. You can close this tab.");
    }

    private enum Kind { SUCCESS, FAILURE, NEUTRAL }

    private static String page(String title, Kind kind, String leadHtml, String next) {
        String icon = switch (kind) {
            case SUCCESS -> "<svg viewBox=\"0 0 24 24\" aria-hidden=\"true\"><circle cx=\"12\" cy=\"12\" r=\"10\"/>"
                    + "<path d=\"M7.5 12.5l3 3 6-6.5\"/></svg>";
            case FAILURE -> "<svg viewBox=\"0 0 24 24\" aria-hidden=\"true\"><circle cx=\"12\" cy=\"12\" r=\"10\"/>"
                    + "<path d=\"M9 9l6 6M15 9l-6 6\"/></svg>";
            case NEUTRAL -> "<svg viewBox=\"0 0 24 24\" aria-hidden=\"true\"><circle cx=\"12\" cy=\"12\" r=\"10\"/>"
                    + "<path d=\"M12 8v5M12 16.5v.5\"/></svg>";
        };
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + Html.escape(title) + " · " + AppInfo.NAME + "</title>"
                + "<style>" + STYLE + "</style></head>"
                + "<body><main class=\"card " + kind.name().toLowerCase(java.util.Locale.ROOT) + "\">"
                + "<div class=\"brand\">" + AppInfo.NAME + "</div>"
                + "<div class=\"head\">" + icon + "<h1>" + Html.escape(title) + "</h1></div>"
                + "<p class=\"lead\">" + leadHtml + "</p>"
                + "<p>" + Html.escape(next) + "</p>"
                + "<p class=\"warn\">Do not share this page's address, or a screenshot of the address bar: "
                + "it can carry a one-time authorization code.</p>"
                + "</main><script>" + SCRUB_SCRIPT + "</script></body></html>\n";
    }

    private static final String STYLE = """
            :root{--bg:#f6f8fa;--card:#ffffff;--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;\
            --ok:#1a7f37;--bad:#cf222e;--info:#0969da;--warnbg:#fff8c5;--warnfg:#6f4f00;color-scheme:light dark}
            @media (prefers-color-scheme: dark){:root{--bg:#0d1117;--card:#151b23;--fg:#e6edf3;--muted:#9198a1;\
            --border:#3d444d;--ok:#3fb950;--bad:#f85149;--info:#4493f8;--warnbg:#2e2a1a;--warnfg:#d29922}}
            *{box-sizing:border-box}
            body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:var(--bg);\
            color:var(--fg);font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif}
            .card{max-width:34rem;margin:2rem;padding:1.75rem 2rem;background:var(--card);border:1px solid var(--border);\
            border-radius:12px;box-shadow:0 8px 24px rgba(0,0,0,.08)}
            .brand{font-size:12px;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);margin-bottom:.75rem}
            .head{display:flex;align-items:center;gap:.6rem}
            .head svg{width:28px;height:28px;flex:none;fill:none;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
            .success svg{stroke:var(--ok)}.failure svg{stroke:var(--bad)}.neutral svg{stroke:var(--info)}
            h1{font-size:20px;margin:0;font-weight:600}
            p{margin:.75rem 0 0}.lead{overflow-wrap:anywhere}
            .warn{margin-top:1.25rem;padding:.6rem .8rem;border-radius:6px;background:var(--warnbg);color:var(--warnfg);font-size:13px}
            """;

    private static String sha256(String script) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
