package dev.notionconsole.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.cli.CliContext;
import dev.notionconsole.cli.ExitCodes;
import dev.notionconsole.cli.OAuthCommand;
import dev.notionconsole.connections.ConnectionServices;
import dev.notionconsole.connections.SandboxAccess;
import dev.notionconsole.core.AppDirs;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oauth login} with the default fixture's Standup Kit (decision 0120): the template copy printed; a scope refusal explained. */
class OAuthLoginTemplateTest {
    private static final Map<String, String> ENV = Map.of(ConnectionServices.SECRETS_ENV, "session");
    @TempDir
    Path home;
    private OAuthFixture fixture;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        fixture = OAuthFixture.standupKit(home);
        fixture.connections.optInToSecretsFile(); // the command opens its own service on the same home
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private int login(BrowserOpener person) {
        var oauth = new picocli.CommandLine(new OAuthCommand(new CliContext(new AppDirs(home), ENV,
                () -> new ByteArrayInputStream(new byte[0]), SandboxAccess.NONE, person)));
        oauth.setOut(new PrintWriter(out, true));
        oauth.setErr(new PrintWriter(err, true));
        return oauth.execute("login", "--connection", "Standup Kit");
    }

    @Test
    void printsTheTemplateCopy() {
        assertEquals(ExitCodes.OK, login(fixture.personChoosing("Bob", "template")), err::toString);
        assertTrue(out.toString().contains("Installed \"Standup Kit\" in Acme Robotics (Bob Lindqvist)"), out.toString());
        assertTrue(out.toString().contains("Made by duplicating the template: \"Standup Kit\" ("), out.toString());
    }

    @Test
    void explainsARefusalForInstallationScope() {
        assertEquals(ExitCodes.API_ERROR, login(fixture.personChoosing("Erin", "template")));
        String e = err.toString();
        assertTrue(e.contains("Notion refused to install the connection") && e.contains("Globex Labs"), e);
        assertTrue(e.contains("installable in selected workspaces only") && e.contains("cannot be changed"), e);
    }
}
