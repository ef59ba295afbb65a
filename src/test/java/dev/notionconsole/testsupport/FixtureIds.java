package dev.notionconsole.testsupport;

import dev.notionconsole.sandbox.model.Ids;

/** The default fixture's tokens, and its IDs by the keys the fixture uses ({@code FixtureIds.id("handbook")}). */
public final class FixtureIds {
    public static final String DOCS_SYNC = "ntn_sandbox_docs_sync_FAKE_TOKEN_0000000000000001";
    public static final String DOCS_SYNC_REVOKED = "ntn_sandbox_docs_sync_REVOKED_OLD_TOKEN_0000001";
    public static final String WIKI_READER = "ntn_sandbox_wiki_reader_FAKE_TOKEN_000000000002";
    public static final String STANDUP_BOT = "ntn_sandbox_standup_bot_FAKE_TOKEN_000000000003";
    public static final String RETIRED = "ntn_sandbox_retired_importer_REVOKED_TOKEN_0004";
    public static final String CRM_BOB = "ntn_sandbox_crm_bridge_bob_FAKE_ACCESS_000000005";
    public static final String CRM_ERIN = "ntn_sandbox_crm_bridge_erin_FAKE_ACCESS_00000006";
    public static final String ALICE_PAT = "ntn_sandbox_alice_pat_FAKE_TOKEN_0000000000007";
    public static final String BOB_EXPIRED = "ntn_sandbox_bob_pat_EXPIRED_TOKEN_00000000008";
    public static final String LAB = "ntn_sandbox_lab_assistant_FAKE_TOKEN_00000009";

    private FixtureIds() {
    }

    public static String id(String key) {
        return Ids.fromKey(key);
    }
}
