package dev.notionconsole.connections;

/** The three kinds of Notion credentials (docs/notion-api.md §5.1 and 6). */
public enum ConnectionKind {
    /** An internal connection's token; acts as its own bot, owned by the workspace. */
    INTERNAL("Internal connection"),
    /** A public connection: OAuth client credentials plus one installation (bot) per authorizing user. */
    PUBLIC_OAUTH("Public connection (OAuth)"),
    /** A personal access token: acts as the user who created it. */
    PERSONAL_ACCESS_TOKEN("Personal access token");

    private final String label;

    ConnectionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a command-line spelling: internal, public / oauth, pat / personal. */
    public static ConnectionKind parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "internal" -> INTERNAL;
            case "public", "oauth", "public_oauth" -> PUBLIC_OAUTH;
            case "pat", "personal", "personal_access_token" -> PERSONAL_ACCESS_TOKEN;
            default -> throw new IllegalArgumentException("Unknown kind '" + text + "': use internal, public or pat.");
        };
    }
}
