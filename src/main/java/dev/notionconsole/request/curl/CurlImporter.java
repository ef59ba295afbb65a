package dev.notionconsole.request.curl;

import dev.notionconsole.core.Secret;
import dev.notionconsole.request.NameValue;
import dev.notionconsole.request.RequestSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a pasted cURL command (from Notion's docs, a browser's "Copy as cURL", a customer's ticket) into a
 * {@link RequestSpec}: method, URL, headers and data, including {@code --data-raw}, {@code -d @file},
 * {@code --json}, {@code -G}, {@code -F} form fields (file uploads) and quoted multi-line commands. A token found in the command is returned as a
 * {@link Secret} apart from the request and never stored in clear.
 */
public final class CurlImporter {
    /** Reads the file named by {@code -d @file}; the UI resolves it off the JavaFX thread. */
    @FunctionalInterface
    public interface FileReader {
        String read(String path) throws IOException;
    }

    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?$|^<[^>]+>$|^\\{\\{.*}}$");
    /** Options that take a value we do not use. */
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("-o", "--output", "-m", "--max-time", "--connect-timeout",
            "-w", "--write-out", "--retry", "-x", "--proxy", "--cacert", "-E", "--cert", "-c", "--cookie-jar", "-b",
            "--cookie", "-e", "--referer", "-A", "--user-agent", "--retry-max-time", "--limit-rate");
    /** Headers the console sets itself or the HTTP client refuses (javafx-house.md B7). */
    private static final Set<String> DROPPED_HEADERS = Set.of("content-type", "content-length", "host", "connection",
            "expect", "upgrade", "user-agent", "accept-encoding");

    private CurlImporter() {
    }

    public static CurlImport parse(String command, FileReader files) throws IOException {
        List<String> words = ShellWords.split(command == null ? "" : command.strip());
        if (words.isEmpty()) {
            throw new IllegalArgumentException("The command is empty.");
        }
        int i = 0;
        String first = words.get(0);
        if (first.equals("curl") || first.endsWith("/curl") || first.equalsIgnoreCase("curl.exe")) {
            i = 1;
        } else if (!first.startsWith("-") && !first.contains("://")) {
            throw new IllegalArgumentException("This is not a cURL command: it starts with '" + first + "'.");
        }
        String method = null;
        String url = null;
        boolean get = false;
        List<String> data = new ArrayList<>();
        List<NameValue> headers = new ArrayList<>();
        List<NameValue> form = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String version = null;
        Secret bearer = null;
        String clientId = null;
        Secret clientSecret = null;

        Cursor c = new Cursor(words, i);
        for (; c.i < words.size(); c.i++) {
            String w = words.get(c.i);
            String opt = w;
            String attached = null;
            if (w.startsWith("--") && w.contains("=")) {
                opt = w.substring(0, w.indexOf('='));
                attached = w.substring(w.indexOf('=') + 1);
            } else if (w.length() > 2 && w.startsWith("-") && !w.startsWith("--") && "XHduF".indexOf(w.charAt(1)) >= 0) {
                opt = w.substring(0, 2); // -XPOST, -H'Accept: x'
                attached = w.substring(2);
            }
            switch (opt) {
                case "-X", "--request" -> method = take(c, attached, opt).toUpperCase(Locale.ROOT);
                case "-H", "--header" -> {
                    String h = take(c, attached, opt);
                    int colon = h.indexOf(':');
                    if (colon <= 0) {
                        notes.add("Ignored a header without a colon: " + h);
                        break;
                    }
                    String name = h.substring(0, colon).trim();
                    String val = h.substring(colon + 1).trim();
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (lower.equals("authorization")) {
                        Credentials cr = credentials(val, notes);
                        if (cr.bearer != null) {
                            bearer = cr.bearer;
                        }
                        if (cr.clientId != null) {
                            clientId = cr.clientId;
                            clientSecret = cr.clientSecret;
                        }
                    } else if (lower.equals("notion-version")) {
                        version = val;
                    } else if (DROPPED_HEADERS.contains(lower)) {
                        if (!lower.equals("content-type") || !val.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                            notes.add("Left out " + name + ": the console sets it itself.");
                        }
                    } else {
                        headers.add(new NameValue(name, val));
                    }
                }
                case "-d", "--data", "--data-ascii", "--data-binary" -> {
                    String d = take(c, attached, opt);
                    if (d.startsWith("@")) {
                        String file = d.substring(1);
                        if (file.equals("-")) {
                            throw new IllegalArgumentException("The data comes from standard input (-d @-): paste the body into the editor instead.");
                        }
                        data.add(files.read(file));
                        notes.add("Read the body from " + file + ".");
                    } else {
                        data.add(d);
                    }
                }
                case "--data-raw" -> data.add(take(c, attached, opt));
                case "--json" -> {
                    data.add(take(c, attached, opt));
                }
                case "--data-urlencode" -> {
                    data.add(take(c, attached, opt));
                    notes.add("--data-urlencode is treated as raw data; Notion bodies are JSON.");
                }
                case "-F", "--form", "--form-string" -> {
                    String f = take(c, attached, opt);
                    int eq = f.indexOf('=');
                    if (eq <= 0) {
                        notes.add("Ignored a form field without a name: " + f);
                    } else {
                        String name = f.substring(0, eq);
                        String val = f.substring(eq + 1);
                        if (opt.equals("--form-string") && val.startsWith("@")) {
                            notes.add("Form field " + name + " is the literal text " + val + ", not a file; the builder would read a file.");
                        } else if (val.startsWith("<")) {
                            notes.add("Form field " + name + " reads its text from a file (<); attached the file instead.");
                            val = "@" + val.substring(1);
                        }
                        form.add(new NameValue(name, val));
                    }
                }
                case "-u", "--user" -> {
                    String u = take(c, attached, opt);
                    int colon = u.indexOf(':');
                    String user = colon < 0 ? u : u.substring(0, colon);
                    String pass = colon < 0 ? "" : u.substring(colon + 1);
                    if (isVariable(user) && (pass.isEmpty() || isVariable(pass))) {
                        notes.add("The command uses client-credential variables; the connection's client ID and secret will be used.");
                    } else {
                        clientId = user;
                        clientSecret = Secret.ofNullable(pass);
                        notes.add("The command carried client credentials for " + user + "; the secret is kept in memory only and is not saved.");
                    }
                }
                case "--url" -> url = take(c, attached, opt);
                case "-G", "--get" -> get = true;
                case "-I", "--head" -> method = "HEAD";
                default -> {
                    if (IGNORED_WITH_VALUE.contains(opt)) {
                        if (attached == null) {
                            c.i++;
                        }
                    } else if (w.startsWith("-") && w.length() > 1) {
                        if (w.startsWith("--") || !w.matches("-[sSLikvfgN#]+")) {
                            notes.add("Ignored the option " + w + ".");
                        }
                    } else if (url == null) {
                        url = w;
                    } else {
                        notes.add("Ignored the extra argument " + w + ".");
                    }
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("The command has no URL.");
        }
        Url parsed = parseUrl(url, notes);
        List<NameValue> query = new ArrayList<>(parsed.query);
        String body = String.join("&", data);
        if (get && !data.isEmpty()) {
            for (String part : body.split("&")) {
                int eq = part.indexOf('=');
                query.add(eq < 0 ? new NameValue(part, "") : new NameValue(part.substring(0, eq), part.substring(eq + 1)));
            }
            body = "";
        }
        if (!form.isEmpty() && !body.isEmpty()) {
            notes.add("The command has both form fields and data; curl refuses that, so the data was left out.");
            body = "";
        }
        if (method == null) {
            method = !body.isEmpty() || !form.isEmpty() ? "POST" : "GET";
        }
        RequestSpec spec = new RequestSpec(method, parsed.path, query, headers, body, version, form);
        return new CurlImport(spec, parsed.base, bearer, clientId, clientSecret, notes);
    }

    private record Credentials(Secret bearer, String clientId, Secret clientSecret) {
    }

    private static Credentials credentials(String value, List<String> notes) {
        String[] parts = value.trim().split("\\s+", 2);
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        String cred = parts.length > 1 ? parts[1].trim() : "";
        if (cred.isEmpty() || isVariable(cred)) {
            notes.add("The command uses " + (cred.isEmpty() ? "no token" : cred) + "; the connection's token will be used.");
            return new Credentials(null, null, null);
        }
        if (scheme.equals("basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(cred), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    notes.add("The command carried client credentials for " + decoded.substring(0, colon)
                            + "; the secret is kept in memory only and is not saved.");
                    return new Credentials(null, decoded.substring(0, colon), Secret.ofNullable(decoded.substring(colon + 1)));
                }
            } catch (IllegalArgumentException e) {
                // not base64: fall through to the note below
            }
            notes.add("Ignored a Basic Authorization header that could not be decoded.");
            return new Credentials(null, null, null);
        }
        Secret token = Secret.of(cred);
        notes.add("The command carried a token (" + token.masked() + "). It is kept in memory only, never saved; "
                + "the request uses the selected connection unless you choose the pasted token.");
        return new Credentials(token, null, null);
    }

    private static boolean isVariable(String s) {
        return VARIABLE.matcher(s.trim()).matches();
    }

    /** Position in the word list while options consume their values. */
    private static final class Cursor {
        private final List<String> words;
        private int i;

        Cursor(List<String> words, int start) {
            this.words = words;
            this.i = start;
        }
    }

    private static String take(Cursor c, String attached, String opt) {
        if (attached != null) {
            return attached;
        }
        c.i++;
        if (c.i >= c.words.size()) {
            throw new IllegalArgumentException("The option " + opt + " needs a value.");
        }
        return c.words.get(c.i);
    }

    private record Url(String base, String path, List<NameValue> query) {
    }

    private static Url parseUrl(String raw, List<String> notes) {
        String u = raw.trim();
        if (!u.contains("://")) {
            u = "https://" + u;
            notes.add("The URL had no scheme; assumed https.");
        }
        URI uri;
        try {
            uri = new URI(u.replace(" ", "%20").replace("{", "%7B").replace("}", "%7D"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The URL is not valid: " + e.getReason() + ".");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The URL has no host: " + raw);
        }
        String base = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : decode(uri.getRawPath());
        List<NameValue> query = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String part : uri.getRawQuery().split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                query.add(eq < 0 ? new NameValue(decode(part), "")
                        : new NameValue(decode(part.substring(0, eq)), decode(part.substring(eq + 1))));
            }
        }
        return new Url(base, path, query);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
