package dev.notionconsole.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The test's browser: opens the authorize URL, reads the consent form, submits it the way a person would, and
 * follows the 302 to the redirect listener. Plain java.net.http, one request at a time, redirects by hand so
 * every hop can be asserted.
 */
public final class BrowserPlayer {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");
    private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]+)\"( selected)?>([^<]*)");
    private static final Pattern CHECKBOX = Pattern.compile("name=\"page_id\" value=\"([^\"]+)\"[^>]*>(?:<span[^>]*>[^<]*</span>)?([^<]*)</label>");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** The consent page as a person sees it. */
    record ConsentForm(URI action, Map<String, String> hidden, Map<String, String> people, Map<String, String> pages, String html) {
        String userIdNamed(String name) {
            return people.entrySet().stream().filter(e -> e.getValue().startsWith(name)).map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new AssertionError("no person " + name + " in " + people.values()));
        }

        String pageIdTitled(String title) {
            return pages.entrySet().stream().filter(e -> e.getValue().equals(title)).map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new AssertionError("no page " + title + " in " + pages.values()));
        }
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    ConsentForm open(URI authorizeUrl) throws IOException, InterruptedException {
        HttpResponse<String> r = get(authorizeUrl);
        if (r.statusCode() != 200) {
            throw new AssertionError("consent page answered " + r.statusCode() + ": " + r.body());
        }
        return parse(authorizeUrl, r.body());
    }

    static ConsentForm parse(URI base, String html) {
        Map<String, String> hidden = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            hidden.put(m.group(1), unescape(m.group(2)));
        }
        Map<String, String> people = new LinkedHashMap<>();
        m = OPTION.matcher(html);
        while (m.find()) {
            people.put(unescape(m.group(1)), unescape(m.group(3)));
        }
        Map<String, String> pages = new LinkedHashMap<>();
        m = CHECKBOX.matcher(html);
        while (m.find()) {
            pages.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return new ConsentForm(base.resolve("/v1/oauth/authorize"), hidden, people, pages, html);
    }

    /** Submits the form; returns the answer (a 302 for Allow and Cancel). */
    HttpResponse<String> submit(ConsentForm form, String decision, String userId, List<String> pageIds,
                                UnaryOperator<Map<String, String>> tamper) throws IOException, InterruptedException {
        Map<String, String> fields = tamper.apply(new LinkedHashMap<>(form.hidden()));
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
        if (userId != null) {
            pairs.add("user_id=" + enc(userId));
        }
        for (String p : pageIds) {
            pairs.add("page_id=" + enc(p));
        }
        pairs.add("decision=" + enc(decision));
        return http.send(HttpRequest.newBuilder(form.action()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows a 302 to wherever it points (the redirect listener). */
    HttpResponse<String> follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
        if (redirect.statusCode() != 302) {
            throw new AssertionError("expected a 302, got " + redirect.statusCode() + ": " + redirect.body());
        }
        return get(location(redirect));
    }

    static URI location(HttpResponse<?> redirect) {
        return URI.create(redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location")));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#96;", "`").replace("&amp;", "&");
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }
}
