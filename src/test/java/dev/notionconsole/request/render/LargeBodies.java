package dev.notionconsole.request.render;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Notion-shaped list bodies of a chosen size (minified, as the API sends them), for tests and benchmarks. */
public final class LargeBodies {
    private LargeBodies() {
    }

    public static byte[] searchResults(int targetBytes, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(targetBytes + 4096);
        sb.append("{\"object\":\"list\",\"results\":[");
        int i = 0;
        while (sb.length() < targetBytes - 200) {
            if (i > 0) {
                sb.append(',');
            }
            String id = String.format("%08x-%04x-%04x-%04x-%012x", r.nextInt(), r.nextInt(0x10000), r.nextInt(0x10000),
                    r.nextInt(0x10000), r.nextLong() & 0xFFFFFFFFFFFFL);
            sb.append("{\"object\":\"page\",\"id\":\"").append(id)
                    .append("\",\"created_time\":\"2026-05-0").append(1 + r.nextInt(9)).append("T10:00:00.000Z\",")
                    .append("\"last_edited_time\":\"2026-11-20T08:1").append(r.nextInt(10)).append(":00.000Z\",")
                    .append("\"created_by\":{\"object\":\"user\",\"id\":\"").append(id).append("\"},")
                    .append("\"in_trash\":false,\"is_locked\":").append(r.nextBoolean()).append(",")
                    .append("\"parent\":{\"type\":\"page_id\",\"page_id\":\"").append(id).append("\"},")
                    .append("\"properties\":{\"title\":{\"id\":\"title\",\"type\":\"title\",\"title\":[{\"type\":\"text\",")
                    .append("\"text\":{\"content\":\"Roadmap \\\"Q").append(r.nextInt(4) + 1).append("\\\" item ").append(i)
                    .append("\",\"link\":null},\"plain_text\":\"Roadmap item ").append(i).append("\",\"href\":null}]},")
                    .append("\"Estimate\":{\"id\":\"e%3Ax\",\"type\":\"number\",\"number\":").append(r.nextInt(1000) / 10.0).append("}},")
                    .append("\"url\":\"https://www.notion.so/Roadmap-item-").append(id.replace("-", "")).append("\",\"public_url\":null}");
            i++;
        }
        sb.append("],\"next_cursor\":null,\"has_more\":false,\"type\":\"page_or_data_source\",\"page_or_data_source\":{}}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
