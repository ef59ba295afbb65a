package dev.notionconsole.oauth;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A person at the browser: opens the authorize URL, signs in as {@code user} on the consent page, ticks
 * {@code pages} by title and clicks {@code decision}, then the browser follows the 302 to the listener.
 * Runs asynchronously, like a real browser, and records every hop for assertions.
 */
public final class Person implements BrowserOpener {
    final String user;
    final List<String> pages;
    final String decision;
    final CompletableFuture<HttpResponse<String>> redirectAnswer = new CompletableFuture<>();
    final CompletableFuture<HttpResponse<String>> listenerPage = new CompletableFuture<>();
    volatile BrowserPlayer.ConsentForm form;
    private final BrowserPlayer browser;
    private final UnaryOperator<Map<String, String>> tamper;
    private final Consumer<Throwable> onFailure;

    public Person(BrowserPlayer browser, String user, List<String> pages, String decision, UnaryOperator<Map<String, String>> tamper,
           Consumer<Throwable> onFailure) {
        this.browser = browser;
        this.user = user;
        this.pages = pages;
        this.decision = decision;
        this.tamper = tamper;
        this.onFailure = onFailure;
    }

    @Override
    public void open(URI uri) {
        CompletableFuture.runAsync(() -> {
            try {
                form = browser.open(uri);
                List<String> ids = pages.stream().map(form::pageIdTitled).toList();
                HttpResponse<String> r = browser.submit(form, decision, form.userIdNamed(user), ids, tamper);
                redirectAnswer.complete(r);
                listenerPage.complete(browser.follow(r));
            } catch (Throwable e) {
                redirectAnswer.completeExceptionally(e);
                listenerPage.completeExceptionally(e);
                onFailure.accept(e);
            }
        });
    }
}
