/**
 * Support bundles (issue 13): one {@code .ncbundle} file that hands a failing call to support without secrets, and
 * replays the customer's setup in the sandbox. {@link dev.notionconsole.bundle.BundleMaker} collects exchanges
 * (from history), diagnoses, the connection's profile and its map; {@link dev.notionconsole.bundle.BundleRedaction}
 * removes secrets and puts pseudonyms in place of titles, names and emails; {@link dev.notionconsole.bundle.BundleFile}
 * writes exactly the previewed bytes; {@link dev.notionconsole.bundle.ReplayFixture} and
 * {@link dev.notionconsole.bundle.BundleReplay} rebuild the setup in a sandbox and send the calls again. The format:
 * docs/bundle-format.md. No JavaFX here.
 */
package dev.notionconsole.bundle;
