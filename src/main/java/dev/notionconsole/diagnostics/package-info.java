/**
 * Access diagnostics (issue 11): why a call failed, proven with follow-up reads, and the fix in Notion's own words for
 * the connection's kind. No JavaFX. Entry point {@link dev.notionconsole.diagnostics.DiagnosticsEngine}; input
 * {@link dev.notionconsole.diagnostics.DiagnosisRequest}; output {@link dev.notionconsole.diagnostics.Diagnosis} and
 * {@link dev.notionconsole.diagnostics.AccessMatrix}; progress {@link dev.notionconsole.diagnostics.DiagnosisListener};
 * one-line advice per error code {@link dev.notionconsole.diagnostics.ErrorAdvice}. Every call goes through
 * {@code connections.ConnectionCaller}. How causes are told apart: docs/decisions/0075-diagnostics-probe-ladder.md.
 */
package dev.notionconsole.diagnostics;
