package dev.notionconsole.oauth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.notionconsole.sandbox.http.ApiError;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.Capability;
import dev.notionconsole.sandbox.model.Connection;
import dev.notionconsole.sandbox.model.Node;
import dev.notionconsole.sandbox.model.Page;
import dev.notionconsole.sandbox.model.SandboxModel;
import dev.notionconsole.sandbox.model.User;
import dev.notionconsole.sandbox.model.UserInfo;
import dev.notionconsole.sandbox.model.Workspace;
import dev.notionconsole.sandbox.oauth.OAuthEndpoints;
import dev.notionconsole.sandbox.oauth.OAuthErrorStyle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.Executors;

/** A sandbox over real HTTP with a small workspace and one public connection, for the OAuth end-to-end tests. */
final class TestSandbox implements AutoCloseable {
    static final String CLIENT_ID = "acme-sync-client";
    static final String CLIENT_SECRET = "secret_acmeSyncClientSecret0001";

    final SandboxModel model = new SandboxModel(Clock.systemUTC());
    final Connection publicConnection;
    final Workspace workspace = new Workspace("acme", "Acme Inc", Workspace.Plan.BUSINESS, "🏢");
    private final HttpServer server;

    TestSandbox(OAuthErrorStyle style) throws IOException {
        model.addWorkspace(workspace);
        User ada = person("ada", "Ada Lovelace", "ada@acme.test", User.Role.OWNER);
        person("bob", "Bob Builder", "bob@acme.test", User.Role.MEMBER);
        User gina = person("gina", "Gina Guest", "gina@partner.test", User.Role.GUEST);
        Page eng = page("engineering", "Engineering", null);
        Page runbooks = page("runbooks", "Runbooks", eng);
        page("on-call", "On-call", runbooks);
        page("marketing", "Marketing", null);
        Page secret = page("ada-private", "Ada's private notes", null);
        secret.setPrivateTo(ada.id());
        gina.accessRoots().add(runbooks.id());

        publicConnection = new Connection(model.newId(), Connection.Kind.PUBLIC, "Acme <Sync>", null,
                EnumSet.of(Capability.READ_CONTENT, Capability.UPDATE_CONTENT), UserInfo.WITH_EMAIL);
        publicConnection.setClientCredentials(CLIENT_ID, CLIENT_SECRET);
        model.addConnection(publicConnection);

        Router router = new Router(model, "validation_error");
        OAuthEndpoints.register(router, model, style);
        // stand-ins for two data routes, resolving tokens and visibility through the real router and model
        router.route("GET", "/v1/users/me").handle(call -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("object", "user");
            o.put("id", call.identity().bot().id());
            o.put("owner_user_id", call.identity().person() == null ? null : call.identity().person().id());
            return Response.ok(o);
        });
        router.route("GET", "/v1/pages/{page_id}").handle(call -> {
            Node n = model.node(call.pathParam("page_id"));
            if (n == null || !model.visibility().canSee(call.identity(), n)) {
                throw ApiError.notFound("page", call.pathParam("page_id"), call.identity().connection().name(),
                        call.identity().connection().id());
            }
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("object", "page");
            o.put("id", n.id());
            return Response.ok(o);
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.createContext("/", router);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "test-sandbox");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    private User person(String key, String name, String email, User.Role role) {
        User u = new User(dev.notionconsole.sandbox.model.Ids.fromKey(key), User.Type.PERSON, workspace, name, email, null, role);
        u.setAccessAll(role != User.Role.GUEST);
        model.addUser(u);
        return u;
    }

    private Page page(String key, String title, Node parent) {
        ObjectNode props = JsonNodeFactory.instance.objectNode();
        ObjectNode t = props.putObject("title");
        t.put("id", "title");
        t.put("type", "title");
        t.putArray("title").addObject().put("plain_text", title);
        Page p = new Page(dev.notionconsole.sandbox.model.Ids.fromKey(key), workspace, props);
        model.attach(p, parent, -1);
        return p;
    }

    String pageId(String key) {
        return dev.notionconsole.sandbox.model.Ids.fromKey(key);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void registerRedirect(String uri) {
        model.write(() -> publicConnection.redirectUris().add(uri));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
