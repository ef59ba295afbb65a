package dev.notionconsole.sandbox;

import dev.notionconsole.sandbox.http.Router;
import dev.notionconsole.sandbox.model.SandboxModel;

/** What an extension gets: the options, the model, the router, and the base URL it is served at. */
public record SandboxContext(SandboxOptions options, SandboxModel model, Router router, String baseUrl) {
}
