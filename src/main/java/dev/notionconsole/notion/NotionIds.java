package dev.notionconsole.notion;

import dev.notionconsole.core.http.QueryString;
import dev.notionconsole.core.Redactor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Notion ID out of whatever a user pasted (docs/notion-api.md §3 and 7.2-7.4): a dashed or undashed UUID,
 * a notion.so / notion.site / notion.com link with its slug, a {@code ?p=} peek link, a {@code #block-} link,
 * {@code page_id=} style parameters, {@code collection://} data-source IDs. The answer is the canonical
 * dashed lower-case form with notes on what was done, or a precise reason why it is not an ID.
 *
 * <p>The UUID version nibble is not checked: modern Notion IDs are not v4 (docs/notion-api.md §3).
 */
public final class NotionIds {
    private static final Pattern DASHED = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    /** An ID at the end of a path segment: {@code Roadmap-<32hex>}, {@code <32hex>} or a dashed UUID. */
    private static final Pattern TRAILING_ID = Pattern.compile(
            "(?:^|[^0-9a-fA-F])(" + DASHED.pattern() + "|[0-9a-fA-F]{32})$");
    private static final Pattern TOKEN = Pattern.compile("(?i)^(?:bearer\\s*)?((?:development_)?ntn_|secret_|nrt_)[A-Za-z0-9]{6,}");
    private static final Pattern NOTION_HOST = Pattern.compile("(?i)^(?:[a-z0-9-]+\\.)*notion\\.(?:so|site|com)$");
    private static final String EXAMPLE = "59833787-2cf9-4fdf-8782-e53db20768a5";

    /** What the ID most likely names, as far as its origin tells. */
    public enum Kind {
        /** A bare ID: could be anything. */
        UNKNOWN,
        /** The path of a notion.so link: a page or a database. */
        PAGE_OR_DATABASE,
        /** From {@code ?p=} or {@code page_id=}. */
        PAGE,
        /** From {@code database_id=}. */
        DATABASE,
        /** From {@code collection://} or {@code data_source_id=}. */
        DATA_SOURCE,
        /** From {@code #block-} or {@code block_id=}. */
        BLOCK
    }

    /**
     * @param input   what was pasted (redacted, in case it was a token)
     * @param id      the canonical dashed lower-case ID, or null when {@code reason} is set
     * @param kind    what it most likely names
     * @param notes   what was done to get it, for the user ("took the page ID from the URL; ignored view ?v=...")
     * @param reason  why this is not an ID, or null
     * @param related other IDs seen in the input, by role ("page", "database", "view")
     */
    public record Result(String input, String id, Kind kind, List<String> notes, String reason, Map<String, String> related) {
        public Result {
            notes = List.copyOf(notes);
            related = Collections.unmodifiableMap(new LinkedHashMap<>(related));
        }

        public boolean ok() {
            return id != null;
        }

        /** The ID, or the reason as an {@link IllegalArgumentException}. */
        public String orThrow() {
            if (id == null) {
                throw new IllegalArgumentException(reason);
            }
            return id;
        }

        /** Notes joined for one line of UI text ("" when nothing needed doing). */
        public String notesText() {
            return String.join("; ", notes);
        }
    }

    private NotionIds() {
    }

    /** The canonical ID or an {@link IllegalArgumentException} with the precise reason. */
    public static String canonical(String input) {
        return parse(input).orThrow();
    }

    /** Already in canonical form (dashed, lower-case). */
    public static boolean isCanonical(String s) {
        return s != null && DASHED.matcher(s).matches() && s.equals(s.toLowerCase(Locale.ROOT));
    }

    /** 32 hex digits without dashes, as in notion.so links. */
    public static String undashed(String id) {
        return canonical(id).replace("-", "");
    }

    public static Result parse(String raw) {
        Builder b = new Builder(raw);
        if (raw == null || raw.isBlank()) {
            return b.fail("Nothing to read: paste a page link, 32 hex digits or a dashed ID like " + EXAMPLE + ".");
        }
        String s = raw.strip();
        String unquoted = s.replaceAll("^[\"'`<(\\[]+", "").replaceAll("[\"'`>)\\].,;]+$", "");
        if (!unquoted.equals(s)) {
            b.note("removed surrounding quotes or brackets");
            s = unquoted;
        }
        if (s.matches(".*\\s.*")) {
            s = s.replaceAll("\\s+", "");
            b.note("removed white space inside");
        }
        if (s.isEmpty()) {
            return b.fail("Nothing to read: paste a page link, 32 hex digits or a dashed ID like " + EXAMPLE + ".");
        }
        if (TOKEN.matcher(s).find()) {
            return b.fail("This looks like a Notion token, not an ID. Keep tokens out of ID fields; paste a page link or ID instead.");
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("collection://")) {
            Result r = plain(b, s.substring("collection://".length()), Kind.DATA_SOURCE);
            if (r.ok()) {
                b.note("took the data source ID from collection://");
            }
            return b.done(r);
        }
        if (lower.matches("^(?:https?|notion)://.*") || lower.matches("^(?:[a-z0-9-]+\\.)*notion\\.(?:so|site|com)(?:[/?#].*)?$")) {
            return url(b, s);
        }
        if (lower.matches("^[?&#]?(?:v|p|page_id|database_id|block_id|data_source_id)=.*") || lower.startsWith("#")) {
            return fragmentOrQuery(b, s);
        }
        return plain(b, s, Kind.UNKNOWN);
    }

    // ---- a bare ID, possibly with a slug or mangled --------------------------------------------------

    private static Result plain(Builder b, String s, Kind kind) {
        b.kind = kind;
        if (DASHED.matcher(s).matches()) {
            return b.ok(s);
        }
        if (HEX32.matcher(s).matches()) {
            b.note("added the dashes");
            return b.ok(s);
        }
        Matcher m = TRAILING_ID.matcher(s);
        if (m.find() && m.start(1) > 0) {
            String slug = s.substring(0, m.start(1)).replaceAll("[-_/]+$", "");
            b.note("took the ID from the end of \"" + shorten(slug) + "-…\"");
            return b.ok(m.group(1));
        }
        if (s.matches("[0-9a-fA-F-]+")) {
            int hex = s.replace("-", "").length();
            if (hex == 32) {
                b.note("the dashes were in unusual places; rewrote them as 8-4-4-4-12");
                return b.ok(s.replace("-", ""));
            }
            if (hex == 64) {
                return b.fail("64 hex digits: two IDs ran together. Paste one of them.");
            }
            if (hex < 32) {
                int missing = 32 - hex;
                return b.fail(hex + " hex digits: " + (missing == 1 ? "one is" : missing + " are")
                        + " missing (an ID has 32). The copy was probably cut short.");
            }
            int extra = hex - 32;
            return b.fail(hex + " hex digits: " + (extra == 1 ? "one" : String.valueOf(extra))
                    + " too many (an ID has 32). Something was pasted along with it.");
        }
        if (s.length() >= 28 && s.length() <= 40 && s.matches("[0-9A-Za-z-]+")) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '-' && Character.digit(c, 16) < 0) {
                    return b.fail("'" + c + "' (character " + (i + 1) + ") is not a hex digit: IDs use only 0-9 and a-f.");
                }
            }
        }
        if (s.contains("@") && !s.contains("/")) {
            return b.fail("This is an email address, not an ID. To find a user's ID, list users (GET /v1/users).");
        }
        return b.fail("Not a Notion ID: expected a page link, 32 hex digits or a dashed ID like " + EXAMPLE + ".");
    }

    // ---- links --------------------------------------------------------------------------------------

    private static Result url(Builder b, String s) {
        String u = s;
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("notion://")) {
            u = "https://" + u.substring("notion://".length());
            b.note("read the Notion app link as a web link");
        } else if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            u = "https://" + u;
        }
        String fragment = null;
        int hash = u.indexOf('#');
        if (hash >= 0) {
            fragment = u.substring(hash + 1);
            u = u.substring(0, hash);
        }
        String query = null;
        int q = u.indexOf('?');
        if (q >= 0) {
            query = u.substring(q + 1);
            u = u.substring(0, q);
        }
        String afterScheme = u.substring(u.indexOf("://") + 3);
        int slash = afterScheme.indexOf('/');
        String host = (slash < 0 ? afterScheme : afterScheme.substring(0, slash)).replaceAll(":\\d+$", "");
        String path = slash < 0 ? "" : afterScheme.substring(slash);
        boolean notionHost = NOTION_HOST.matcher(host).matches() || host.equalsIgnoreCase("api.notion.com");
        Map<String, String> params = queryParams(query);

        String pathId = null;
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0 && pathId == null; i--) {
            String seg = QueryString.decode(segments[i]);
            Matcher m = TRAILING_ID.matcher(seg);
            if (m.find()) {
                pathId = lowerDashed(m.group(1));
            }
        }
        String view = idOrNull(params.get("v"));
        String peek = idOrNull(params.get("p"));
        String block = fragment == null ? null : idOrNull(fragment.replaceFirst("(?i)^block-", ""));
        if (view != null) {
            b.related.put("view", view);
        }
        if (!notionHost && (pathId != null || peek != null || block != null)) {
            b.note("the link is not on notion.so or notion.site; read the ID from it anyway");
        }
        if (peek != null) {
            b.kind = Kind.PAGE;
            if (pathId != null && !pathId.equals(peek)) {
                b.related.put("database", pathId);
                b.note("took the page ID from ?p= (the page opened over database " + pathId + ")");
            } else {
                b.note("took the page ID from ?p=");
            }
            ignoredView(b, view);
            return b.ok(peek);
        }
        if (block != null) {
            b.kind = Kind.BLOCK;
            if (pathId != null) {
                b.related.put("page", pathId);
                b.note("took the block ID from #block-… (the block is on page " + pathId + ")");
            } else {
                b.note("took the block ID from the # part");
            }
            return b.ok(block);
        }
        if (pathId != null) {
            b.kind = Kind.PAGE_OR_DATABASE;
            b.note("took the ID from the link");
            ignoredView(b, view);
            return b.ok(pathId);
        }
        for (String[] p : new String[][] {{"page_id", "PAGE"}, {"database_id", "DATABASE"}, {"block_id", "BLOCK"},
                {"data_source_id", "DATA_SOURCE"}}) {
            String id = idOrNull(params.get(p[0]));
            if (id != null) {
                b.kind = Kind.valueOf(p[1]);
                b.note("took the ID from " + p[0] + "=");
                return b.ok(id);
            }
        }
        if (view != null) {
            return b.fail("This link only has a view ID (?v=" + view.replace("-", "") + "); a view is not a database. "
                    + "The database ID is the 32 hex digits before ?v= in the database's own link (••• > Copy link).");
        }
        if (!notionHost) {
            return b.fail("This link (" + host + ") has no Notion ID in it.");
        }
        String tail = segments.length == 0 ? "" : QueryString.decode(segments[segments.length - 1]);
        if (tail.matches(".*[0-9a-fA-F]{20,}.*")) {
            Result r = plain(new Builder(s), tail.replaceAll("^.*-(?=[0-9a-fA-F]{20,})", ""), Kind.PAGE_OR_DATABASE);
            if (!r.ok()) {
                return b.fail("The link's ID is damaged: " + r.reason());
            }
        }
        return b.fail("This " + host + " link has no page ID in it (it points at a workspace or a list). "
                + "Open the page and use Share > Copy link.");
    }

    private static void ignoredView(Builder b, String view) {
        if (view != null) {
            b.note("ignored view ?v=" + view.replace("-", "") + " (a view, not the database)");
        }
    }

    private static Result fragmentOrQuery(Builder b, String s) {
        String t = s.replaceFirst("^[?&]", "");
        if (t.startsWith("#")) {
            String frag = t.substring(1).replaceFirst("(?i)^block-", "");
            Result r = plain(b, frag, Kind.BLOCK);
            if (r.ok()) {
                b.note("took the block ID from the # part");
            }
            return b.done(r);
        }
        Map<String, String> params = queryParams(t);
        if (params.containsKey("p")) {
            Result r = plain(b, params.get("p"), Kind.PAGE);
            if (r.ok()) {
                b.note("took the page ID from p=");
            }
            return b.done(r);
        }
        for (String name : List.of("page_id", "database_id", "block_id", "data_source_id")) {
            if (params.containsKey(name)) {
                Kind k = Kind.valueOf(name.substring(0, name.length() - 3).toUpperCase(Locale.ROOT));
                Result r = plain(b, params.get(name), k);
                if (r.ok()) {
                    b.note("took the ID from " + name + "=");
                }
                return b.done(r);
            }
        }
        return b.fail("This is a view ID from ?v=; a view is not a database. The database ID is the 32 hex digits "
                + "before ?v= in the link.");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static Map<String, String> queryParams(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (QueryString.Param param : QueryString.parse(query)) {
            if (!param.name().isEmpty()) {
                out.putIfAbsent(param.name().toLowerCase(Locale.ROOT), param.value());
            }
        }
        return out;
    }



    private static String idOrNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (DASHED.matcher(t).matches() || HEX32.matcher(t).matches()) {
            return lowerDashed(t);
        }
        Matcher m = TRAILING_ID.matcher(t);
        return m.find() ? lowerDashed(m.group(1)) : null;
    }

    static String lowerDashed(String idLike) {
        String h = idLike.replace("-", "").toLowerCase(Locale.ROOT);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }

    private static final class Builder {
        final String input;
        final List<String> notes = new ArrayList<>();
        final Map<String, String> related = new LinkedHashMap<>();
        Kind kind = Kind.UNKNOWN;

        Builder(String raw) {
            this.input = raw == null ? "" : Redactor.redact(raw);
        }

        void note(String n) {
            notes.add(n);
        }

        Result ok(String idLike) {
            String id = lowerDashed(idLike);
            if (!idLike.equals(id) && !idLike.replace("-", "").equals(id.replace("-", ""))) {
                notes.add("lower-cased");
            }
            return new Result(input, id, kind, notes, null, related);
        }

        Result fail(String reason) {
            return new Result(input, null, kind, notes, reason, related);
        }

        /** Re-issues a result made by a nested step with the notes added since. */
        Result done(Result r) {
            return new Result(input, r.id(), r.ok() ? kind : r.kind(), notes, r.reason(), related);
        }
    }
}
