package dev.notionconsole.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.explorer.MapExport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a bundle document safe to send (issue 13). Secrets are always removed, never masked (tokens by shape and by
 * value through the one routine, {@link Redactor#strip}; credential fields of bodies and query strings; the
 * {@code Authorization} and cookie headers). With pseudonyms on (the default), page titles, rich text, user names,
 * workspace names and email addresses are replaced by stable pseudonyms ({@link Pseudonyms}) in bodies, query
 * strings, headers, the map and the diagnoses, and Notion URLs lose their title slug. The manifest's
 * {@code redacted} says what was done.
 */
public final class BundleRedaction {
    private static final Set<String> AUTH_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
    /** Fields of a body that is not JSON (cut at the history limit) that still carry personal data. */
    private static final Pattern LOOSE_FIELD = Pattern.compile("\"(plain_text|content|email|name)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){1,300})\"");

    private final boolean pseudonymize;
    private final Pseudonyms pseudonyms = new Pseudonyms();
    private int secrets;

    private BundleRedaction(boolean pseudonymize) {
        this.pseudonymize = pseudonymize;
    }

    /** A redacted copy of {@code bundle} (as {@link BundleJson#write} made it); the original is left alone. */
    public static ObjectNode apply(ObjectNode bundle, boolean pseudonymize) {
        return new BundleRedaction(pseudonymize).run(bundle.deepCopy());
    }

    private ObjectNode run(ObjectNode b) {
        List<ObjectNode> containers = new ArrayList<>();
        List<String> bodyFields = List.of("postData", "content");
        for (JsonNode e : b.path("log").path("entries")) {
            for (String side : List.of("request", "response")) {
                for (String f : bodyFields) {
                    if (e.path(side).get(f) instanceof ObjectNode o && o.get("text") != null) {
                        containers.add(o);
                    }
                }
            }
        }
        List<JsonNode> parsed = new ArrayList<>();
        for (ObjectNode c : containers) {
            parsed.add(parse(c.path("text").asText()));
        }
        if (pseudonymize) {
            learnAll(b, containers, parsed);
        }
        for (int i = 0; i < containers.size(); i++) {
            JsonNode tree = parsed.get(i);
            if (tree != null && tree.isContainerNode()) {
                body(tree);
                containers.get(i).put("text", Json.compact(tree));
            } else {
                containers.get(i).put("text", text(containers.get(i).path("text").asText()));
            }
        }
        for (JsonNode e : b.path("log").path("entries")) {
            request((ObjectNode) e.path("request"));
            headers(e.path("response").path("headers"));
        }
        for (String part : List.of("connection", "diagnoses", "map")) {
            if (b.get(part) != null) {
                b.set(part, walk(b.get(part), this::text));
            }
        }
        ObjectNode manifest = (ObjectNode) b.path("manifest");
        manifest.set("redacted", report());
        return b;
    }

    private void learnAll(ObjectNode b, List<ObjectNode> containers, List<JsonNode> parsed) {
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i) != null) {
                learn(parsed.get(i), null);
            } else {
                Matcher m = LOOSE_FIELD.matcher(containers.get(i).path("text").asText());
                while (m.find()) {
                    String field = m.group(1);
                    pseudonyms.learn(field.equals("email") ? Pseudonyms.Kind.EMAIL : field.equals("name") ? Pseudonyms.Kind.NAME
                            : Pseudonyms.Kind.TEXT, m.group(2));
                }
            }
        }
        JsonNode map = b.path("map");
        for (JsonNode n : map.path("nodes")) {
            pseudonyms.learn(Pseudonyms.Kind.TITLE, n.path("title").asText(null));
        }
        pseudonyms.learn(Pseudonyms.Kind.WORKSPACE, map.path("workspace").path("name").asText(null));
        pseudonyms.learn(Pseudonyms.Kind.NAME, map.path("acts_for").asText(null));
        pseudonyms.learn(Pseudonyms.Kind.WORKSPACE, b.path("connection").path("workspace").path("name").asText(null));
        for (JsonNode d : b.path("diagnoses")) {
            pseudonyms.learn(Pseudonyms.Kind.TITLE, d.path("diagnosis").path("object").path("title").asText(null));
        }
    }

    /** Learns the personal data of a Notion body: titles, rich text, users' names, emails, workspace names. */
    private void learn(JsonNode n, String field) {
        if (n.isObject()) {
            // a person's name; a bot's name is the connection's, which support needs to read
            if ("user".equals(n.path("object").asText()) && !"bot".equals(n.path("type").asText())) {
                pseudonyms.learn(Pseudonyms.Kind.NAME, n.path("name").asText(null));
            }
            if (n.get("title") != null && n.get("title").isTextual()) {
                pseudonyms.learn(Pseudonyms.Kind.TITLE, n.get("title").asText());
            }
            pseudonyms.learn(Pseudonyms.Kind.EMAIL, n.path("email").isTextual() ? n.get("email").asText() : null);
            pseudonyms.learn(Pseudonyms.Kind.WORKSPACE, n.path("workspace_name").isTextual() ? n.get("workspace_name").asText() : null);
            n.fields().forEachRemaining(e -> learn(e.getValue(), e.getKey()));
        } else if (n.isArray()) {
            if ("title".equals(field) || "rich_text".equals(field) || "caption".equals(field) || "text".equals(field)) {
                Pseudonyms.Kind kind = "title".equals(field) ? Pseudonyms.Kind.TITLE : Pseudonyms.Kind.TEXT;
                StringBuilder whole = new StringBuilder();
                for (JsonNode item : n) {
                    whole.append(item.path("plain_text").asText(item.path("text").path("content").asText("")));
                    pseudonyms.learn(kind, item.path("plain_text").asText(null));
                    pseudonyms.learn(kind, item.path("text").path("content").asText(null));
                }
                pseudonyms.learn(kind, whole.toString());
            }
            n.forEach(x -> learn(x, field));
        }
    }

    /** A JSON body: credential fields removed, then every text value redacted. */
    private void body(JsonNode tree) {
        stripSecretFields(tree);
        JsonNode done = walk(tree, this::text);
        if (done != tree) {
            throw new IllegalStateException("a body's root is a container and is changed in place");
        }
    }

    private void stripSecretFields(JsonNode n) {
        if (n instanceof ObjectNode o) {
            boolean error = "error".equals(o.path("object").asText());
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                // a Notion error's "code" is object_not_found, not an OAuth code: replay compares it
                if (Redactor.isSecretField(e.getKey()) && e.getValue().isValueNode() && !(error && e.getKey().equals("code"))) {
                    e.setValue(TextNode.valueOf(Redactor.REMOVED));
                    secrets++;
                } else {
                    stripSecretFields(e.getValue());
                }
            }
        } else if (n instanceof ArrayNode a) {
            a.forEach(this::stripSecretFields);
        }
    }

    private void request(ObjectNode req) {
        headers(req.path("headers"));
        List<String[]> query = new ArrayList<>();
        for (JsonNode q : req.path("queryString")) {
            ObjectNode p = (ObjectNode) q;
            String value = Redactor.isSecretField(p.path("name").asText()) ? Redactor.REMOVED : text(p.path("value").asText());
            if (!value.equals(p.path("value").asText())) {
                secrets += value.equals(Redactor.REMOVED) ? 1 : 0;
            }
            p.put("value", value);
            query.add(new String[] {p.path("name").asText(), value});
        }
        String url = req.path("url").asText();
        int at = url.indexOf('?');
        String base = text(at < 0 ? url : url.substring(0, at));
        req.put("url", Har.url(base, query.stream().map(p -> new dev.notionconsole.request.NameValue(p[0], p[1])).toList()));
    }

    private void headers(JsonNode headers) {
        for (JsonNode h : headers) {
            ObjectNode o = (ObjectNode) h;
            if (AUTH_HEADERS.contains(o.path("name").asText().toLowerCase(Locale.ROOT))) {
                o.put("value", Redactor.REMOVED);
                secrets++;
            } else {
                o.put("value", text(o.path("value").asText()));
            }
        }
    }

    /** One text value: secrets removed; pseudonyms and URLs without title slugs when pseudonymizing. */
    private String text(String s) {
        String out = Redactor.strip(s);
        if (out != null && !out.equals(s)) {
            secrets++;
        }
        if (pseudonymize && out != null) {
            out = pseudonyms.apply(out);
            if (out.contains("notion.so") || out.contains("notion.site")) {
                out = MapExport.withoutSlug(out);
            }
        }
        return out;
    }

    /** Every text value of {@code n} through {@code f}; containers are changed in place, a text root is returned anew. */
    static JsonNode walk(JsonNode n, UnaryOperator<String> f) {
        if (n instanceof ObjectNode o) {
            o.fields().forEachRemaining(e -> e.setValue(walk(e.getValue(), f)));
            return o;
        }
        if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, walk(a.get(i), f));
            }
            return a;
        }
        return n.isTextual() ? TextNode.valueOf(f.apply(n.asText())) : n;
    }

    private ObjectNode report() {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("secrets", "removed");
        r.put("secret_values_removed", secrets);
        r.put("pseudonyms", pseudonymize);
        var c = r.putObject("replaced");
        for (Pseudonyms.Kind k : Pseudonyms.Kind.values()) {
            c.put(k.name().toLowerCase(Locale.ROOT) + "s", pseudonyms.counts().getOrDefault(k, 0));
        }
        r.putArray("headers_removed").add("Authorization").add("Proxy-Authorization").add("Cookie").add("Set-Cookie");
        return r;
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}
