package dev.notionconsole.notion;

import dev.notionconsole.core.ByteSizes;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body (RFC 7578) for {@link NotionClient}: text parts in memory, file parts
 * streamed from disk by {@link HttpRequest.BodyPublishers#ofFile} (so a retry reads the file again and a
 * 20 MB upload is never a 20 MB array). {@link #describe()} is what history and the Sent tab show: field
 * names, file names, types and sizes, never file contents.
 */
final class MultipartBody {
    private final String boundary;
    private final List<FormPart> parts;
    private final List<Long> fileSizes = new ArrayList<>();

    /** @throws IllegalArgumentException when a file part's file is missing, a folder or unreadable */
    MultipartBody(List<FormPart> parts) {
        this.parts = List.copyOf(parts);
        this.boundary = "----NotionConsole" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        for (FormPart p : this.parts) {
            if (p instanceof FormPart.File f) {
                if (!Files.isRegularFile(f.path())) {
                    throw new IllegalArgumentException("The file for form field \"" + f.name() + "\" does not exist or is a folder: " + f.path());
                }
                if (!Files.isReadable(f.path())) {
                    throw new IllegalArgumentException("The file for form field \"" + f.name() + "\" cannot be read: " + f.path());
                }
                try {
                    fileSizes.add(Files.size(f.path()));
                } catch (IOException e) {
                    throw new IllegalArgumentException("The file for form field \"" + f.name() + "\" cannot be read: " + f.path(), e);
                }
            }
        }
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> pieces = new ArrayList<>();
        for (FormPart p : parts) {
            pieces.add(bytes("--" + boundary + "\r\n" + partHeaders(p) + "\r\n"));
            if (p instanceof FormPart.Text t) {
                pieces.add(bytes(t.value()));
            } else if (p instanceof FormPart.File f) {
                try {
                    pieces.add(HttpRequest.BodyPublishers.ofFile(f.path()));
                } catch (FileNotFoundException e) {
                    throw new IllegalArgumentException("The file for form field \"" + f.name() + "\" is gone: " + f.path(), e);
                }
            }
            pieces.add(bytes("\r\n"));
        }
        pieces.add(bytes("--" + boundary + "--\r\n"));
        return HttpRequest.BodyPublishers.concat(pieces.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /** One line per field, curl's -F spelling: {@code file=@notes.txt;type=text/plain (1.2 KB)}. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        int file = 0;
        for (FormPart p : parts) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            if (p instanceof FormPart.Text t) {
                sb.append(t.name()).append('=').append(t.value());
            } else if (p instanceof FormPart.File f) {
                sb.append(f.name()).append("=@").append(f.filename()).append(";type=").append(f.contentType())
                        .append(" (").append(ByteSizes.human(fileSizes.get(file++))).append(')');
            }
        }
        return sb.toString();
    }

    private static String partHeaders(FormPart p) {
        if (p instanceof FormPart.File f) {
            return "Content-Disposition: form-data; name=\"" + quoted(f.name()) + "\"; filename=\"" + quoted(f.filename())
                    + "\"\r\nContent-Type: " + f.contentType() + "\r\n";
        }
        return "Content-Disposition: form-data; name=\"" + quoted(p.name()) + "\"\r\n";
    }

    /** RFC 7578 4.2: quotes and line breaks in names are percent-encoded, as browsers do. */
    private static String quoted(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static HttpRequest.BodyPublisher bytes(String s) {
        return HttpRequest.BodyPublishers.ofByteArray(s.getBytes(StandardCharsets.UTF_8));
    }
}
