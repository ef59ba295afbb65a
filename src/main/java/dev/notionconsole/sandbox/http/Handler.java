package dev.notionconsole.sandbox.http;

/** Serves one route. Runs under the model's read or write lock, as the route says. */
@FunctionalInterface
public interface Handler {
    Response handle(Call call);
}
