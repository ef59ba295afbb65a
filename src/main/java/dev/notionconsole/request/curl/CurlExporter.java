package dev.notionconsole.request.curl;

import dev.notionconsole.core.Secret;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * "Copy as cURL": a command a developer can paste into a terminal or a support ticket. The token is written
 * as {@code $NOTION_TOKEN} (client credentials as {@code $NOTION_CLIENT_ID:$NOTION_CLIENT_SECRET}) unless the
 * caller explicitly passes the real value, so a copied command is safe to share by default.
 */
public final class CurlExporter {
    public static final String TOKEN_VARIABLE = "$NOTION_TOKEN";
    public static final String CLIENT_VARIABLES = "$NOTION_CLIENT_ID:$NOTION_CLIENT_SECRET";

    /** How the credential appears in the command. */
    public sealed interface Credential {
        /** {@code Authorization: Bearer $NOTION_TOKEN}: the default. */
        record TokenVariable() implements Credential { }

        /** {@code -u "$NOTION_CLIENT_ID:$NOTION_CLIENT_SECRET"}: OAuth routes (docs/notion-api.md §2.10). */
        record ClientVariables() implements Credential { }

        /** The real token, only when the user asked for it. */
        record RevealedToken(Secret token) implements Credential { }

        /** The real client credentials, only when the user asked for them. */
        record RevealedClient(String clientId, Secret clientSecret) implements Credential { }

        /** No Authorization at all. */
        record None() implements Credential { }
    }

    private CurlExporter() {
    }

    /**
     * @param baseUrl e.g. {@code https://api.notion.com}
     * @param version the Notion-Version the request would be sent with
     */
    public static String export(RequestSpec spec, String baseUrl, String version, Credential credential) {
        List<String> lines = new ArrayList<>();
        String url = url(baseUrl, spec.path(), spec.query());
        lines.add("curl" + (spec.method().equals("GET") && !spec.hasBody() && !spec.hasForm() ? "" : " -X " + spec.method()) + " " + ShellWords.quote(url));
        if (credential instanceof Credential.TokenVariable) {
            lines.add("-H \"Authorization: Bearer " + TOKEN_VARIABLE + "\"");
        } else if (credential instanceof Credential.ClientVariables) {
            lines.add("-u \"" + CLIENT_VARIABLES + "\"");
        } else if (credential instanceof Credential.RevealedToken r) {
            lines.add("-H " + ShellWords.quote("Authorization: Bearer " + r.token().reveal()));
        } else if (credential instanceof Credential.RevealedClient r) {
            lines.add("-u " + ShellWords.quote(r.clientId() + ":" + r.clientSecret().reveal()));
        }
        if (version != null) {
            lines.add("-H " + ShellWords.quote("Notion-Version: " + version));
        }
        for (NameValue h : spec.headers()) {
            lines.add("-H " + ShellWords.quote(h.name() + ": " + h.value()));
        }
        if (spec.hasBody()) {
            lines.add("-H 'Content-Type: application/json'");
            lines.add("--data-raw " + ShellWords.quote(spec.body()));
        }
        // curl writes the multipart Content-Type and boundary itself for -F (docs/notion-api.md §1.3)
        for (NameValue f : spec.form()) {
            lines.add("-F " + ShellWords.quote(f.name() + "=" + f.value()));
        }
        return String.join(" \\\n  ", lines);
    }

    /** The full URL: base, path and the query string percent-encoded (spaces as %20). */
    public static String url(String baseUrl, String path, List<NameValue> query) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        StringBuilder sb = new StringBuilder(base).append(path.startsWith("/") ? path : "/" + path);
        char sep = '?';
        for (NameValue q : query) {
            sb.append(sep).append(encode(q.name())).append('=').append(encode(q.value()));
            sep = '&';
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
