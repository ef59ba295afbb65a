package dev.notionconsole.notion;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/** The media type of an uploaded file, from its name: what curl and the SDK's callers would send. */
final class MediaTypes {
    /** Types the JDK's table lacks or gets wrong for files people upload to Notion. */
    private static final Map<String, String> EXTRA = Map.ofEntries(
            Map.entry("md", "text/markdown"), Map.entry("json", "application/json"), Map.entry("csv", "text/csv"),
            Map.entry("pdf", "application/pdf"), Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"),
            Map.entry("mp4", "video/mp4"), Map.entry("mp3", "audio/mpeg"), Map.entry("docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"));

    private MediaTypes() {
    }

    static String guess(String filename) {
        int dot = filename.lastIndexOf('.');
        String ext = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        String known = EXTRA.get(ext);
        if (known != null) {
            return known;
        }
        String jdk = URLConnection.guessContentTypeFromName(filename);
        return jdk != null ? jdk : "application/octet-stream";
    }
}
