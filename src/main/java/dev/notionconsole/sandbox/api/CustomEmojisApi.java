package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.CustomEmoji;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/custom_emojis} (docs/notion-api.md §2.5; SDK {@code custom-emojis.ts}): the token's workspace's custom
 * emojis, paginated, optionally filtered by exact {@code name}. Workspace-level, like {@code /users/me}: no content
 * capability and no sharing decide it (decision 0067). Exists in every version: new endpoints come without a
 * version bump (docs/notion-api.md §1.3).
 */
public final class CustomEmojisApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CustomEmojisApi() {
    }

    public static void register(Router router) {
        router.route("GET", "/v1/custom_emojis").handle(CustomEmojisApi::list);
    }

    static Response list(Call call) {
        Lists.Window w = Lists.window(BlocksApi.text(call.queryParam("page_size")), BlocksApi.text(call.queryParam("start_cursor")), "query");
        String name = call.queryParam("name");
        List<CustomEmoji> emojis = new ArrayList<>();
        for (CustomEmoji e : call.identity().workspace().customEmojis()) {
            if (name == null || name.equals(e.name())) {
                emojis.add(e);
            }
        }
        return Response.ok(Lists.envelope(emojis, w, "custom_emoji", CustomEmojisApi::render));
    }

    /** {@code CustomEmojiResponse}: {id, name, url}. */
    static ObjectNode render(CustomEmoji e) {
        ObjectNode o = F.objectNode();
        o.put("id", e.id());
        o.put("name", e.name());
        o.put("url", e.url());
        return o;
    }
}
