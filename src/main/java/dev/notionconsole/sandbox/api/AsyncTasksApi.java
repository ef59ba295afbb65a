package dev.notionconsole.sandbox.api;

import dev.notionconsole.sandbox.http.Call;
import dev.notionconsole.sandbox.http.Response;
import dev.notionconsole.sandbox.http.Router;

/**
 * {@code GET /v1/async_tasks/{task_id}} (docs/notion-api.md §2.5; SDK {@code async-tasks.ts}). The sandbox does every
 * write synchronously and does not take {@code allow_async}, so it never creates a task: every task ID is "not
 * found", the same 404 a task of another connection would get (decision 0067).
 */
public final class AsyncTasksApi {
    private AsyncTasksApi() {
    }

    public static void register(Router router) {
        router.route("GET", "/v1/async_tasks/{task_id}").handle(AsyncTasksApi::retrieve);
    }

    static Response retrieve(Call call) {
        throw Access.notFound(call, "async_task", call.pathParam("task_id"));
    }
}
