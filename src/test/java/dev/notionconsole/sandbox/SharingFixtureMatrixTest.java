package dev.notionconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.testsupport.VisibilityOracle;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The visibility matrix on a fixture of the tests' own (testsupport/sharing-fixture.json): a guest's installation,
 * rows of a multi-source database, a placement marker, private pages picked or shared, revoked and expired tokens
 * of every kind. Keeps the {@link VisibilityOracle} honest beyond the default fixture.
 */
class SharingFixtureMatrixTest {
    static SandboxServer server;
    static SandboxClient api;
    static VisibilityOracle oracle;

    @BeforeAll
    static void start() throws Exception {
        Path fixture = Path.of(SharingFixtureMatrixTest.class.getResource("/dev/notionconsole/testsupport/sharing-fixture.json").toURI());
        server = SandboxServer.start(SandboxOptions.builder().port(0).fixture(fixture).discoverExtensions(false).rateLimitOff().build());
        api = new SandboxClient(server.baseUrl());
        oracle = VisibilityOracle.of(fixture);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theOracleFollowsGuestsPrivatePagesAndTokenStates() {
        String bill = "ntn_sandbox_portal_bill_FAKE_ACCESS_000005";
        String milton = "ntn_sandbox_milton_pat_FAKE_TOKEN_00000000008";
        assertTrue(oracle.canSee(bill, "flat-row"), "a guest's installation sees below what it picked");
        assertFalse(oracle.canSee(bill, "ops"));
        assertTrue(oracle.canSee(milton, "milton-private"));
        assertFalse(oracle.canSee(milton, "peter-private"));
        assertTrue(oracle.canSee("ntn_sandbox_ops_bot_FAKE_TOKEN_00000000000000001", "row-a"), "a row of the first data source");
        assertEquals(401, oracle.principal("ntn_sandbox_peter_pat_EXPIRED_TOKEN_0000000009").status(), "expired");
        assertEquals(401, oracle.principal("ntn_sandbox_portal_peter_REVOKED_ACCESS_07").status(), "revoked installation");
        assertEquals(403, oracle.principal("ntn_sandbox_inserter_FAKE_TOKEN_0000000000003").status(), "no read_content");
    }

    @Test
    void everyTokenAgainstEveryObjectAndInSearch() {
        new VisibilityMatrix(api, oracle).assertAgrees(200);
    }
}
