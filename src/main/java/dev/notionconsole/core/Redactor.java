package dev.notionconsole.core;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction routine. Every log line (through {@link dev.notionconsole.core.logging.RedactingLayout}),
 * export, history entry, error dialog and exception message shown to a user goes through {@link #redact}.
 *
 * <p>Two layers: every {@link Secret} ever created is masked by value, wherever it appears; and text that
 * merely looks like a credential (an {@code Authorization} header, a {@code ntn_}/{@code secret_}/{@code nrt_}
 * token, glued to other text or URL-encoded, a JSON field named like a token) is masked by shape, which catches
 * secrets that never became a {@code Secret}, such as a token typed into a body and echoed back by the API. Prefixes are used only for masking, never to decide what
 * kind of token something is (docs/notion-api.md section 6).
 */
public final class Redactor {
    /** Below this length a value is too likely to be an ordinary word to mask by value everywhere. */
    private static final int MIN_REGISTERED_LENGTH = 8;
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    /** What {@link #strip} leaves where a secret was: nothing of the secret, not even its last characters. */
    public static final String REMOVED = "[removed]";
    /** Field names (JSON or form) whose value is a credential; OAuth codes have no shape of their own. */
    private static final Set<String> SECRET_FIELDS = Set.of("access_token", "refresh_token", "client_secret", "token",
            "password", "code");

    private static final List<Rule> RULES = rules(Redactor::mask);
    /** The same shapes, removed whole, plus what {@link #mask} already left of one (ntn_…3f9Q): for files that leave the machine. */
    private static final List<Rule> STRIP_RULES = stripRules();

    private static List<Rule> rules(java.util.function.UnaryOperator<String> hide) {
        return List.of(
            // Authorization: Bearer <token> / Basic <base64>, in headers, cURL lines, logs, and URL-encoded
            // (Bearer%20ntn_..., Bearer+ntn_...) in query strings and form bodies
            new Rule(Pattern.compile("(?i)\\b(Bearer|Basic)(\\s+|%20|\\+)([A-Za-z0-9._~+/=-]{6,})"),
                    m -> m.group(1) + m.group(2) + hide.apply(m.group(3))),
            // Notion token shapes (docs/notion-api.md section 6): ntn_, development_ntn_, nrt_ (refresh) and the legacy
            // secret_, also glued to other text (xntn_..., %20ntn_..., a token typed into a body and echoed back).
            // Underscores count as token characters (the sandbox's tokens have them). secret_ needs a long tail,
            // so that names like client_secret_basic stay readable.
            new Rule(Pattern.compile("(?:development_)?ntn_[A-Za-z0-9_]{8,}|nrt_[A-Za-z0-9_]{8,}|secret_[A-Za-z0-9]{20,}"),
                    m -> hide.apply(m.group())),
            // JSON or form fields that carry credentials (OAuth codes have no shape of their own: they are masked
            // by the field that carries them)
            new Rule(Pattern.compile("(?i)(\"(?:access_token|refresh_token|client_secret|token|password|code)\"\\s*:\\s*\")([^\"]{4,})(\")"),
                    m -> m.group(1) + hide.apply(m.group(2)) + m.group(3)),
            new Rule(Pattern.compile("(?i)\\b((?:access_token|refresh_token|client_secret|code)=)([^&\\s\"']{4,})"),
                    m -> m.group(1) + hide.apply(m.group(2))),
            // Notion's validation message echoes a refused value: "body.client_secret should be not present, instead
            // was `\"...\"`" (docs/notion-api.md §2.4)
            new Rule(Pattern.compile("(?i)(\\b(?:access_token|refresh_token|client_secret|token|password|code)\\b[^`\\n]{0,80}instead was `)([^`]{4,})(`)"),
                    m -> m.group(1) + hide.apply(m.group(2)) + m.group(3)));
    }

    private static List<Rule> stripRules() {
        List<Rule> rules = new java.util.ArrayList<>(rules(s -> REMOVED));
        rules.add(new Rule(Pattern.compile("(?i)\\b(Bearer|Basic)(\\s+|%20|\\+)(?!\\[removed\\])\\S+"), m -> m.group(1) + m.group(2) + REMOVED));
        rules.add(new Rule(Pattern.compile("(?:development_)?(?:ntn|nrt|secret)_…[A-Za-z0-9_]{0,4}|••••"), m -> REMOVED));
        return List.copyOf(rules);
    }

    private Redactor() {
    }

    /** Remembers a secret value so that it is masked wherever it appears later. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_REGISTERED_LENGTH) {
            KNOWN.add(secret);
        }
    }

    /** Masks every known secret and everything shaped like a credential in {@code text}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (!KNOWN.isEmpty()) {
            // longest first, so a secret that contains another is masked whole
            List<String> known = KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
            for (String secret : known) {
                if (out.contains(secret)) {
                    out = out.replace(secret, mask(secret));
                }
            }
        }
        for (Rule rule : RULES) {
            out = rule.apply(out);
        }
        return out;
    }

    /**
     * Removes every known secret and everything shaped like a credential (also the masked remains of one) from
     * {@code text}, leaving {@link #REMOVED}: the form for files that leave the machine (support bundles), where
     * even the last four characters of a token are too much.
     */
    public static String strip(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            out = out.replace(secret, REMOVED);
        }
        for (Rule rule : STRIP_RULES) {
            out = rule.apply(out);
        }
        return out;
    }

    /** True for a JSON or form field whose value is a credential ({@code access_token}, {@code code}, ...). */
    public static boolean isSecretField(String name) {
        return name != null && SECRET_FIELDS.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The display form of a secret: a recognisable prefix and the last four characters, e.g.
     * {@code ntn_…3f9Q}. Short values are masked completely. Idempotent on already-masked text.
     */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        if (secret.contains("…") || secret.length() < 12) {
            return secret.contains("…") ? secret : "••••";
        }
        String prefix = "";
        for (String p : new String[] {"development_ntn_", "ntn_", "secret_", "nrt_"}) {
            if (secret.startsWith(p)) {
                prefix = p;
                break;
            }
        }
        return prefix + "…" + secret.substring(secret.length() - 4);
    }

    private record Rule(Pattern pattern, java.util.function.Function<Matcher, String> replacement) {
        String apply(String text) {
            Matcher m = pattern.matcher(text);
            if (!m.find()) {
                return text;
            }
            StringBuilder sb = new StringBuilder();
            do {
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement.apply(m)));
            } while (m.find());
            m.appendTail(sb);
            return sb.toString();
        }
    }
}
