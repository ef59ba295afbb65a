package dev.notionconsole.ui.oauth;

import dev.notionconsole.connections.Connection;
import dev.notionconsole.connections.ConnectionKind;
import dev.notionconsole.connections.ConnectionService;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.AppDirs;
import dev.notionconsole.core.Secret;
import dev.notionconsole.oauth.BrowserOpener;
import dev.notionconsole.oauth.OAuthDemoSupport;
import dev.notionconsole.oauth.OAuthService;
import dev.notionconsole.settings.Theme;
import dev.notionconsole.ui.common.FxTaskRunner;
import dev.notionconsole.ui.common.ThemeManager;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javafx.application.Platform;

/**
 * Shows the OAuth dialog against a test sandbox, for screenshots:
 * {@code java -cp ... dev.notionconsole.ui.oauth.OAuthFlowDialogDemo waiting|success|denied [dark]}.
 */
public final class OAuthFlowDialogDemo {
    private OAuthFlowDialogDemo() {
    }

    public static void main(String[] args) throws Exception {
        String state = args.length > 0 ? args[0] : "waiting";
        boolean dark = args.length > 1 && args[1].equals("dark");
        OAuthDemoSupport sandbox = OAuthDemoSupport.start();
        ConnectionService connections = ConnectionServices.open(new AppDirs(Files.createTempDirectory("oauth-demo")),
                Map.of(ConnectionServices.SECRETS_ENV, "session"), SandboxAccess.NONE, Runnable::run);
        Connection c = connections.add(Connection.builder(ConnectionKind.PUBLIC_OAUTH).name("Acme Sync")
                .baseUrl(sandbox.baseUrl()).clientId(sandbox.clientId()).redirectUri(sandbox.redirectUri()).build(),
                null, Secret.of(sandbox.clientSecret()));
        BrowserOpener opener = switch (state) {
            case "success" -> sandbox.person("Ada Lovelace", "allow");
            case "denied" -> sandbox.person("Ada Lovelace", "cancel");
            default -> BrowserOpener.NONE;
        };
        Platform.startup(() -> {
            ThemeManager.apply(dark ? Theme.DARK : Theme.LIGHT);
            FxTaskRunner tasks = new FxTaskRunner(Throwable::printStackTrace);
            OAuthFlowViewModel vm = new OAuthFlowViewModel(new OAuthService(connections), c, tasks,
                    new dev.notionconsole.ui.common.FxDialogService(), opener, Duration.ofMinutes(5), Platform::runLater,
                    Clock.systemUTC());
            new OAuthFlowDialog(vm, null).show();
        });
    }
}
