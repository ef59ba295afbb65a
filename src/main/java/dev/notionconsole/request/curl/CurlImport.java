package dev.notionconsole.request.curl;

import dev.notionconsole.core.Secret;
import dev.notionconsole.request.RequestSpec;
import java.util.List;

/**
 * What a pasted cURL command contained. Credentials are kept apart from the request, as {@link Secret}s
 * that live only in memory: the request itself (which history and saved requests store) never holds them.
 *
 * @param baseUrl scheme, host and port of the URL, e.g. {@code https://api.notion.com}
 * @param bearerToken a token from an {@code Authorization: Bearer} header, or null (also null when the
 *     command used a variable such as {@code $NOTION_TOKEN})
 * @param clientId the user of {@code -u} or a Basic header, or null
 * @param clientSecret its password, or null
 * @param notes what the importer did or ignored, in plain words, for the user
 */
public record CurlImport(RequestSpec request, String baseUrl, Secret bearerToken, String clientId, Secret clientSecret,
                         List<String> notes) {
    public CurlImport {
        notes = List.copyOf(notes);
    }
}
