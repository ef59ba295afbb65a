package dev.notionconsole.sandbox.api;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.model.User;
import dev.notionconsole.sandbox.model.UserInfo;
import java.util.ArrayList;
import java.util.List;

/** Users endpoints (docs/notion-api.md §2.7, 5.3, 6). */
public final class UsersApi {
    private UsersApi() {
    }

    public static void register(Router router) {
        router.route("GET", "/v1/users/me").handle(UsersApi::me);
        router.route("GET", "/v1/users").handle(UsersApi::list);
        router.route("GET", "/v1/users/{user_id}").handle(UsersApi::retrieve);
    }

    /** Works with any capability set; the owner user is trimmed to the user-info level. */
    static Response me(Call call) {
        return Response.ok(new Render(call).me(call.identity()));
    }

    /** Members and bots, never guests; not for personal access tokens; 403 without user information. */
    static Response list(Call call) {
        Lists.Window w = Lists.window(node(call.queryParam("page_size")), node(call.queryParam("start_cursor")), "query");
        if (call.identity().kind() == Connection.Kind.PERSONAL || call.identity().connection().userInfo() == UserInfo.NONE) {
            throw ApiError.restricted();
        }
        List<User> users = new ArrayList<>();
        for (User u : call.identity().workspace().users()) {
            if (!u.isGuest()) {
                users.add(u);
            }
        }
        Render r = new Render(call);
        return Response.ok(Lists.envelope(users, w, "user", r::user));
    }

    static Response retrieve(Call call) {
        String id = Params.pathId(call, "user_id");
        if (call.identity().connection().userInfo() == UserInfo.NONE) {
            throw ApiError.restricted();
        }
        User u = call.model().user(id);
        if (u == null || u.workspace() != call.identity().workspace()) {
            throw Access.notFound(call, "user", id);
        }
        return Response.ok(new Render(call).user(u));
    }

    static TextNode node(String s) {
        return s == null ? null : new TextNode(s);
    }
}
