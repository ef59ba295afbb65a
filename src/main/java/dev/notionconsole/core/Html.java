package dev.notionconsole.core;

/**
 * HTML escaping for the few pages the console serves itself (the OAuth redirect listener's pages, the
 * sandbox's consent page). Everything that did not come from our own source code goes through {@link #escape}.
 */
public final class Html {
    private Html() {
    }

    /** Escapes text for use in element content and in double- or single-quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '`' -> sb.append("&#96;");
                default -> {
                    // control characters have no business in a page; keep tab and line breaks
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
