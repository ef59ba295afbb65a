// Runs the official Notion JavaScript SDK (@notionhq/client, version pinned in package.json) against a running
// sandbox and checks that the endpoints work and that errors surface with the codes the real service gives
// (docs/notion-api.md §4.2, 8). Prints one JSON object per check and a summary line; exits 1 if any check failed.
//
// Input: the environment variable SANDBOX_CHECK, a JSON object:
//   { "sandbox":      <the line `notion-console sandbox --json` prints>,
//     "limited":      <the same for a sandbox started with --rate-limit 3>,          (optional)
//     "faults":       <the same for a sandbox whose fixture has the fault rules below> (optional) }
// The JUnit test OfficialSdkCompatibilityTest starts these sandboxes and runs this script; see README.md here.
import { Client, APIErrorCode, ClientErrorCode, isNotionClientError, LogLevel } from "@notionhq/client";

const input = JSON.parse(process.env.SANDBOX_CHECK ?? "null");
if (!input?.sandbox?.base_url) {
  console.error("SANDBOX_CHECK must hold {\"sandbox\": <output of notion-console sandbox --json>, ...}");
  process.exit(2);
}

const results = [];
function record(name, ok, detail) {
  const r = { check: name, ok, detail };
  results.push(r);
  console.log(JSON.stringify(r));
}
async function check(name, fn) {
  try {
    const detail = await fn();
    record(name, true, detail ?? "");
  } catch (e) {
    record(name, false, e?.stack ?? String(e));
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}
/** Runs fn, which must fail with an SDK error of this code and status; returns a short description. */
async function expectError(fn, code, status, extra) {
  try {
    await fn();
  } catch (e) {
    assert(isNotionClientError(e), `expected an SDK error, got ${e}`);
    if (code !== undefined) assert(e.code === code, `expected code ${code}, got ${e.code}: ${e.message}`);
    if (status !== undefined) assert(e.status === status, `expected status ${status}, got ${e.status}`);
    if (extra) extra(e);
    return `${e.status} ${e.code}: ${e.message}`;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

const client = (sandbox, token, options = {}) =>
  new Client({ auth: token, baseUrl: sandbox.base_url, retry: false, logLevel: LogLevel.ERROR, ...options });
const tokenOf = (c) => c.token ?? c.installations?.[0]?.access_token;
const caps = (c) => new Set(c.capabilities ?? []);

const sb = input.sandbox;
const usable = sb.connections.filter((c) => tokenOf(c) && c.token_active !== false);
const reader = usable.find((c) => c.kind === "internal" &&
  ["read_content", "insert_content", "update_content", "read_comments", "insert_comments"].every((k) => caps(c).has(k)));
const noRead = usable.find((c) => !caps(c).has("read_content"));
const noComments = usable.find((c) => caps(c).has("read_content") && !caps(c).has("read_comments"));
const personal = usable.find((c) => c.kind === "personal");

assert(reader, "the fixture needs an internal connection with all content and comment capabilities");
const notion = client(sb, tokenOf(reader));
let page, dataSource, database;

await check("users.me returns the bot", async () => {
  const me = await notion.users.me({});
  assert(me.object === "user" && me.type === "bot", `got ${JSON.stringify(me).slice(0, 200)}`);
  return `${me.name} (bot of ${me.bot?.workspace_name ?? "?"})`;
});
await check("search finds pages and data sources, paginating with the SDK helper", async () => {
  const { iteratePaginatedAPI } = await import("@notionhq/client");
  let n = 0;
  for await (const r of iteratePaginatedAPI(notion.search, { page_size: 5 })) {
    n++;
    if (r.object === "page" && !page && !r.in_trash) page = r;
    if (r.object === "data_source" && !dataSource) dataSource = r;
  }
  assert(page, "no page in search results");
  return `${n} results over pages of 5`;
});
await check("pages.retrieve", async () => {
  const p = await notion.pages.retrieve({ page_id: page.id });
  assert(p.id === page.id && p.object === "page", "wrong page");
  return p.id;
});
await check("blocks.children.list (all pages, SDK collectPaginatedAPI)", async () => {
  const { collectPaginatedAPI } = await import("@notionhq/client");
  const blocks = await collectPaginatedAPI(notion.blocks.children.list, { block_id: page.id, page_size: 2 });
  return `${blocks.length} children`;
});
await check("pages.create + blocks.children.append + pages.update (trash)", async () => {
  const created = await notion.pages.create({
    parent: { page_id: page.id },
    properties: { title: { title: [{ text: { content: "Created by the official SDK" } }] } },
  });
  assert(created.object === "page", "not a page");
  const appended = await notion.blocks.children.append({
    block_id: created.id,
    children: [{ paragraph: { rich_text: [{ text: { content: "hello from @notionhq/client" } }] } }],
  });
  assert(appended.results.length === 1, "append did not return the new child");
  const trashed = await notion.pages.update({ page_id: created.id, in_trash: true });
  assert(trashed.in_trash === true, "not trashed");
  return created.id;
});
await check("comments.create + comments.list", async () => {
  await notion.comments.create({ parent: { page_id: page.id }, rich_text: [{ text: { content: "SDK comment" } }] });
  const list = await notion.comments.list({ block_id: page.id });
  assert(list.results.some((c) => c.rich_text?.[0]?.plain_text === "SDK comment"), "comment not listed");
  return `${list.results.length} comments`;
});
await check("comments.update + comments.delete (own comment only)", async () => {
  const c = await notion.comments.create({ parent: { page_id: page.id }, rich_text: [{ text: { content: "to edit" } }] });
  const edited = await notion.comments.update({ comment_id: c.id, rich_text: [{ text: { content: "edited by the SDK" } }] });
  assert(edited.rich_text?.[0]?.plain_text === "edited by the SDK", `got ${JSON.stringify(edited).slice(0, 200)}`);
  const deleted = await notion.comments.delete({ comment_id: c.id });
  assert(deleted.id === c.id, "delete did not answer the comment");
  await expectError(() => notion.comments.retrieve({ comment_id: c.id }), APIErrorCode.ObjectNotFound, 404);
  return `updated and deleted ${c.id}`;
});
await check("pages.retrieveMarkdown + pages.updateMarkdown (insert_content)", async () => {
  const before = await notion.pages.retrieveMarkdown({ page_id: page.id });
  assert(before.object === "page_markdown" && before.id === page.id, `got ${JSON.stringify(before).slice(0, 200)}`);
  const after = await notion.pages.updateMarkdown({ page_id: page.id, type: "insert_content",
    insert_content: { content: "## Added by the SDK\n- one item", position: { type: "end" } } });
  assert(after.markdown.endsWith("## Added by the SDK\n- one item"), `got ${after.markdown.slice(-120)}`);
  return `${before.markdown.length} -> ${after.markdown.length} characters`;
});
await check("customEmojis.list", async () => {
  const list = await notion.customEmojis.list({ page_size: 2 });
  assert(list.object === "list" && list.type === "custom_emoji", `got ${JSON.stringify(list).slice(0, 200)}`);
  return `${list.results.length} emojis, has_more=${list.has_more}`;
});
await check("error: asyncTasks.retrieve of a task the sandbox never made -> object_not_found", () =>
  expectError(() => notion.asyncTasks.retrieve({ task_id: "00000000-0000-4000-8000-000000000000" }), APIErrorCode.ObjectNotFound, 404));
await check("users.list", async () => {
  const users = await notion.users.list({});
  assert(users.results.length > 0, "no users");
  return `${users.results.length} users`;
});
await check("fileUploads.create + send (multipart/form-data built by the SDK) + retrieve + list", async () => {
  const created = await notion.fileUploads.create({ filename: "sdk.txt", content_type: "text/plain" });
  assert(created.object === "file_upload" && created.status === "pending", `got ${JSON.stringify(created).slice(0, 200)}`);
  const text = "uploaded by @notionhq/client\r\n";
  const sent = await notion.fileUploads.send({ file_upload_id: created.id, file: { filename: "sdk.txt", data: new Blob([text], { type: "text/plain" }) } });
  assert(sent.status === "uploaded" && sent.content_length === Buffer.byteLength(text), `got ${JSON.stringify(sent).slice(0, 300)}`);
  const got = await notion.fileUploads.retrieve({ file_upload_id: created.id });
  assert(got.status === "uploaded" && got.filename === "sdk.txt", "retrieve disagrees");
  const list = await notion.fileUploads.list({ status: "uploaded" });
  assert(list.type === "file_upload" && list.results.some((u) => u.id === created.id), "not listed as uploaded");
  return `${sent.content_length} bytes`;
});
await check("fileUploads multi_part: send parts with part_number (string data) + complete", async () => {
  const up = await notion.fileUploads.create({ mode: "multi_part", number_of_parts: 2, filename: "big.bin" });
  const first = "a".repeat(5 * 1024 * 1024);
  await notion.fileUploads.send({ file_upload_id: up.id, part_number: "2", file: { data: "tail" } });
  await notion.fileUploads.send({ file_upload_id: up.id, part_number: "1", file: { data: first } });
  const done = await notion.fileUploads.complete({ file_upload_id: up.id });
  assert(done.status === "uploaded" && done.content_length === first.length + 4, `got ${JSON.stringify(done).slice(0, 300)}`);
  return `${done.content_length} bytes in ${done.number_of_parts?.total} parts`;
});
await check("error: complete with a part missing -> validation_error", async () => {
  const up = await notion.fileUploads.create({ mode: "multi_part", number_of_parts: 2, filename: "big.bin" });
  return expectError(() => notion.fileUploads.complete({ file_upload_id: up.id }), APIErrorCode.ValidationError, 400);
});
if (dataSource) {
  await check("dataSources.retrieve + dataSources.query + databases.retrieve", async () => {
    const ds = await notion.dataSources.retrieve({ data_source_id: dataSource.id });
    const rows = await notion.dataSources.query({ data_source_id: ds.id, page_size: 3 });
    assert(rows.object === "list", "query did not return a list");
    const dbId = ds.parent?.database_id ?? ds.database_parent?.database_id;
    if (dbId) {
      database = await notion.databases.retrieve({ database_id: dbId });
      assert(database.object === "database", "not a database");
    }
    return `${rows.results.length} rows, has_more=${rows.has_more}`;
  });
  await check("error: data source route below 2025-09-03 -> invalid_request_url", () =>
    expectError(() => client(sb, tokenOf(reader), { notionVersion: "2022-06-28" })
      .dataSources.retrieve({ data_source_id: dataSource.id }), APIErrorCode.InvalidRequestURL, 400));
}
if (database) {
  await check("views.create + list + retrieve + update + queries (create, results, delete) + delete", async () => {
    const created = await notion.views.create({ database_id: database.id, data_source_id: dataSource.id, name: "SDK view", type: "table" });
    const list = await notion.views.list({ database_id: database.id });
    assert(list.type === "view" && list.results.some((v) => v.id === created.id), "created view not listed");
    const view = await notion.views.retrieve({ view_id: created.id });
    assert(view.object === "view" && view.parent.database_id === database.id && view.data_source_id === dataSource.id,
      `got ${JSON.stringify(view).slice(0, 200)}`);
    const renamed = await notion.views.update({ view_id: view.id, name: "SDK view (renamed)" });
    assert(renamed.name === "SDK view (renamed)", "update did not rename");
    const q = await notion.views.queries.create({ view_id: view.id, page_size: 1 });
    assert(q.object === "view_query" && q.view_id === view.id, `got ${JSON.stringify(q).slice(0, 200)}`);
    let seen = q.results.length;
    let cursor = q.has_more ? q.next_cursor : null;
    while (cursor) {
      const page = await notion.views.queries.results({ view_id: view.id, query_id: q.id, start_cursor: cursor, page_size: 1 });
      seen += page.results.length;
      cursor = page.has_more ? page.next_cursor : null;
    }
    assert(seen === q.total_count, `paged ${seen} of ${q.total_count}`);
    const gone = await notion.views.queries.delete({ view_id: view.id, query_id: q.id });
    assert(gone.deleted === true, "query not deleted");
    await notion.views.delete({ view_id: view.id });
    await expectError(() => notion.views.retrieve({ view_id: view.id }), APIErrorCode.ObjectNotFound, 404);
    return `${list.results.length} views; query of ${q.total_count} rows paged one by one`;
  });
  await check("error: views below 2025-09-03 -> invalid_request_url", () =>
    expectError(() => client(sb, tokenOf(reader), { notionVersion: "2022-06-28" })
      .views.list({ database_id: database.id }), APIErrorCode.InvalidRequestURL, 400));
}

// ---- OAuth: consent page (as a browser would post it), then the SDK's oauth.token / introspect / revoke ------
const publicConn = sb.connections.find((c) => c.kind === "public" && c.client_id && c.redirect_uris?.length);
if (publicConn) {
  const creds = { client_id: publicConn.client_id, client_secret: publicConn.client_secret };
  const redirectUri = publicConn.redirect_uris[0];
  const anon = new Client({ baseUrl: sb.base_url, retry: false, logLevel: LogLevel.ERROR });
  let code, tokens;
  await check(`oauth: consent page (Allow) gives a code for "${publicConn.name}"`, async () => {
    const q = new URLSearchParams({ client_id: publicConn.client_id, redirect_uri: redirectUri,
      response_type: "code", owner: "user", state: "sdk-check" });
    const page = await fetch(`${sb.base_url}/v1/oauth/authorize?${q}`);
    const html = await page.text();
    assert(page.status === 200, `consent page status ${page.status}`);
    const users = [...html.matchAll(/<option[^>]*value="([^"]+)"/g)].map((m) => m[1]);
    const pages = [...html.matchAll(/name="page_id"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="page_id"/g)]
      .map((m) => m[1] ?? m[2]);
    assert(users.length > 0, "no user to pick on the consent page");
    const form = new URLSearchParams({ client_id: publicConn.client_id, redirect_uri: redirectUri,
      response_type: "code", owner: "user", state: "sdk-check", user_id: users[0], decision: "allow" });
    if (pages.length) form.append("page_id", pages[0]);
    const decision = await fetch(`${sb.base_url}/v1/oauth/authorize`, { method: "POST", body: form, redirect: "manual" });
    const location = decision.headers.get("location") ?? "";
    assert(decision.status === 302 && location.startsWith(redirectUri), `${decision.status} ${location}`);
    const back = new URL(location);
    assert(back.searchParams.get("state") === "sdk-check", "state not echoed");
    code = back.searchParams.get("code");
    assert(code, "no code in the redirect");
    return `redirected to ${back.origin}${back.pathname}?code=...&state=sdk-check`;
  });
  await check("oauth.token (authorization_code) -> tokens that work with the SDK", async () => {
    tokens = await anon.oauth.token({ ...creds, grant_type: "authorization_code", code, redirect_uri: redirectUri });
    assert(tokens.access_token && tokens.refresh_token && tokens.bot_id && tokens.workspace_id, JSON.stringify(tokens));
    const me = await client(sb, tokens.access_token).users.me({});
    assert(me.type === "bot", "not a bot");
    return `bot ${tokens.bot_id} in ${tokens.workspace_name}`;
  });
  await check("error: reusing the code -> 400 invalid_grant (SDK: notionhq_client_response_error, not in its enum)", () =>
    expectError(() => anon.oauth.token({ ...creds, grant_type: "authorization_code", code, redirect_uri: redirectUri }),
      ClientErrorCode.ResponseError, 400, (e) => assert(/invalid_grant/.test(e.body), e.body)));
  await check("oauth.introspect -> active", async () => {
    const r = await anon.oauth.introspect({ ...creds, token: tokens.access_token });
    assert(r.active === true, JSON.stringify(r));
    return JSON.stringify(r).slice(0, 120);
  });
  await check("oauth.token (refresh_token) rotates both tokens", async () => {
    const fresh = await anon.oauth.token({ ...creds, grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    assert(fresh.access_token !== tokens.access_token && fresh.refresh_token !== tokens.refresh_token, "not rotated");
    tokens = fresh;
  });
  await check("oauth.revoke -> the token then gives unauthorized", async () => {
    await anon.oauth.revoke({ ...creds, token: tokens.access_token });
    return expectError(() => client(sb, tokens.access_token).users.me({}), APIErrorCode.Unauthorized, 401);
  });
  await check("error: wrong client secret -> 401", () =>
    expectError(() => anon.oauth.introspect({ ...creds, client_secret: "wrong", token: "x" }), undefined, 401));
}

// ---- errors, as the real service gives them ---------------------------------------------------------------
await check("error: unknown page -> object_not_found with integration_id", () =>
  expectError(() => notion.pages.retrieve({ page_id: "00000000-0000-4000-8000-000000000000" }),
    APIErrorCode.ObjectNotFound, 404,
    (e) => assert(e.additional_data?.integration_id, "no additional_data.integration_id")));
await check("error: bad token -> unauthorized", () =>
  expectError(() => client(sb, "ntn_not_a_real_token_000000000000").users.me({}), APIErrorCode.Unauthorized, 401));
for (const revoked of sb.connections.filter((c) => c.token_active === false && tokenOf(c))) {
  await check(`error: revoked token of "${revoked.name}" -> unauthorized`, () =>
    expectError(() => client(sb, tokenOf(revoked)).users.me({}), APIErrorCode.Unauthorized, 401));
}
if (noRead) {
  await check(`error: "${noRead.name}" without read content -> restricted_resource`, () =>
    expectError(() => client(sb, tokenOf(noRead)).pages.retrieve({ page_id: page.id }),
      APIErrorCode.RestrictedResource, 403));
}
if (noComments) {
  await check(`error: "${noComments.name}" without comment capability -> restricted_resource`, () =>
    expectError(() => client(sb, tokenOf(noComments)).comments.list({ block_id: page.id }),
      APIErrorCode.RestrictedResource, 403));
}
if (personal) {
  await check(`error: personal access token "${personal.name}" lists users -> restricted_resource`, () =>
    expectError(() => client(sb, tokenOf(personal)).users.list({}), APIErrorCode.RestrictedResource, 403));
}
await check("error: create without a parent -> validation_error", () =>
  expectError(() => notion.pages.create({ properties: {} }), APIErrorCode.ValidationError, 400));
await check("error: malformed id -> validation_error (path failed validation)", () =>
  expectError(() => notion.request({ path: "pages/not-a-real-id", method: "get" }), APIErrorCode.ValidationError, 400,
    (e) => assert(e.message.startsWith("path failed validation"), e.message)));
if (database) {
  await check("error: a database id on the page route -> validation_error (is a database, not a page)", () =>
    expectError(() => notion.pages.retrieve({ page_id: database.id }), APIErrorCode.ValidationError, 400,
      (e) => assert(e.message.includes("is a database, not a page"), e.message)));
}

// ---- rate limits: a sandbox started with --rate-limit 3 ---------------------------------------------------
if (input.limited) {
  const lim = input.limited;
  const limConn = lim.connections.find((c) => c.name === reader.name) ?? lim.connections.find((c) => tokenOf(c));
  const limClient = client(lim, tokenOf(limConn));
  await check("error: over the per-connection budget -> rate_limited with Retry-After and additional_data", async () => {
    for (let i = 0; i < 3; i++) await limClient.users.me({});
    return expectError(() => limClient.users.me({}), APIErrorCode.RateLimited, 429, (e) => {
      const retryAfter = e.headers.get("retry-after");
      assert(retryAfter && Number(retryAfter) > 0 && Number(retryAfter) <= 60, `Retry-After ${retryAfter}`);
      assert(e.additional_data?.retry_after === retryAfter, "additional_data.retry_after must repeat the header");
      assert(e.additional_data?.rate_limit_reason === "public_api_request_rate_limit",
        `reason ${e.additional_data?.rate_limit_reason}`);
    });
  });
}

// ---- faults: a sandbox whose fixture adds fault rules ---------------------------------------------------
if (input.faults) {
  const fs = input.faults;
  const fConn = fs.connections.find((c) => c.name === reader.name);
  const f = client(fs, tokenOf(fConn));
  const fPage = (await f.search({ filter: { property: "object", value: "page" }, page_size: 1 })).results[0];
  await check("fault: 529 -> service_overload with Retry-After", () =>
    expectError(() => f.users.list({}), APIErrorCode.ServiceOverload, 529,
      (e) => assert(e.headers.get("retry-after"), "no Retry-After")));
  await check("fault: 409 -> conflict_error", () =>
    expectError(() => f.pages.update({ page_id: fPage.id, properties: {} }), APIErrorCode.ConflictError, 409));
  await check("fault: 504 -> gateway_timeout", () =>
    expectError(() => f.blocks.children.list({ block_id: fPage.id }), APIErrorCode.GatewayTimeout, 504));
  await check("fault: saved but timed out -> service_unavailable naming the committed page", async () => {
    let committed;
    const d = await expectError(() => f.pages.create({
      parent: { page_id: fPage.id },
      properties: { title: { title: [{ text: { content: "Saved but timed out" } }] } },
    }), APIErrorCode.ServiceUnavailable, 503, (e) => {
      committed = e.additional_data?.committed_resource_id;
      assert(committed, "no committed_resource_id");
      assert(Array.isArray(e.additional_data?.retry_guidance), "no retry_guidance");
    });
    const p = await f.pages.retrieve({ page_id: committed });
    assert(p.id === committed, "the committed page cannot be read back");
    return d;
  });
  await check("fault: edge HTML -> UnknownHTTPResponseError naming the edge proxy, ray id, no request id", () =>
    expectError(() => f.comments.list({ block_id: fPage.id }), ClientErrorCode.ResponseError, 502, (e) => {
      assert(e.ray_id, "no ray_id from cf-ray");
      assert(!e.request_id, "an edge answer must not carry a Notion request id");
      assert(/edge proxy/i.test(e.message), e.message);
    }));
}

const failed = results.filter((r) => !r.ok);
console.log(JSON.stringify({ summary: true, sdk: "@notionhq/client", checks: results.length, failed: failed.length }));
process.exit(failed.length ? 1 : 0);
