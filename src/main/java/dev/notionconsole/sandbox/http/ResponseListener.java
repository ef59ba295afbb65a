package dev.notionconsole.sandbox.http;

/** Told about every answer after it was written (statistics, dirty-state tracking). Must be fast and thread-safe. */
@FunctionalInterface
public interface ResponseListener {
    void onResponse(Call call, int status);
}
