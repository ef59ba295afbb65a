package dev.notionconsole.request.render;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Counts matches in a whole response body as received, for bodies the viewer shows only a prefix of: the
 * bytes are searched in place (a 50 MB body is not decoded into a 100 MB string). ASCII letters match
 * either case, as the viewer's search does; other characters match exactly.
 */
public final class BodySearch {
    private BodySearch() {
    }

    /** @throws CancellationException when {@code cancelled} turns true (the user typed on) */
    public static int countIgnoreCase(byte[] body, String needle, BooleanSupplier cancelled) {
        if (needle == null || needle.isEmpty()) {
            return 0;
        }
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < n.length; i++) {
            n[i] = lower(n[i]);
        }
        byte first = n[0];
        int count = 0;
        int last = body.length - n.length;
        for (int i = 0; i <= last; i++) {
            if ((i & 0xFFFFF) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            if (lower(body[i]) != first) {
                continue;
            }
            int j = 1;
            while (j < n.length && lower(body[i + j]) == n[j]) {
                j++;
            }
            if (j == n.length) {
                count++;
                i += n.length - 1; // matches do not overlap, as in the viewer
            }
        }
        return count;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }
}
