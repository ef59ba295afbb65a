package dev.notionconsole.diagnostics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notionconsole.core.Redactor;
import dev.notionconsole.notion.Capability;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The verdict on one failed (or surprising) call. Immutable; {@link #toJson()} is the public JSON shape of
 * {@code diagnose --json} (field names are an interface: cause, summary, confidence, fix, evidence, object,
 * capability), {@link #toText()} the "Copy as text" form for a support reply.
 *
 * @param cause        one of the codes
 * @param detail       a finer, stable sub-code (e.g. {@code hole}, {@code database_id_for_data_source}), or null
 * @param summary      one sentence
 * @param confidence   confirmed, likely or possible
 * @param fix          numbered steps in Notion's own UI words for this connection's kind (without the numbers)
 * @param evidence     every follow-up call, in order
 * @param object       the object to act on, or null
 * @param capability   the capability to add, or null
 * @param connection   the saved connection's name the call was sent as
 * @param request      "METHOD /path" of the call diagnosed
 * @param witnesses    names of the other connections asked (empty when none were, or witnesses were off)
 * @param witnessesOff true when the caller turned witnesses off
 * @param alternatives other causes the evidence leaves open (for {@code not_found_or_not_shared}: both), may be empty
 */
public record Diagnosis(Cause cause, String detail, String summary, Confidence confidence, List<String> fix,
                        List<Evidence> evidence, DiagnosedObject object, Capability capability, String connection,
                        String request, List<String> witnesses, boolean witnessesOff, List<Cause> alternatives) {
    public Diagnosis {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(confidence, "confidence");
        fix = List.copyOf(fix);
        evidence = List.copyOf(evidence);
        witnesses = List.copyOf(witnesses);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** The capability as the JSON names it: read_content, update_content, insert_content, read_comments, insert_comments, user_information. */
    public static String capabilityCode(Capability c) {
        if (c == null) {
            return null;
        }
        return c == Capability.USER_INFO || c == Capability.USER_EMAIL ? "user_information" : c.name().toLowerCase(Locale.ROOT);
    }

    /** The JSON object {@code diagnose --json} prints; tokens masked. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("cause", cause.code());
        if (detail != null) {
            o.put("detail", detail);
        }
        o.put("summary", Redactor.redact(summary));
        o.put("confidence", confidence.code());
        ArrayNode steps = o.putArray("fix");
        fix.forEach(s -> steps.add(Redactor.redact(s)));
        if (object != null) {
            ObjectNode obj = o.putObject("object");
            obj.put("id", object.id());
            obj.put("kind", object.kind());
            if (object.title() != null) {
                obj.put("title", object.title());
            }
            if (object.url() != null) {
                obj.put("url", object.url());
            }
        }
        if (capability != null) {
            o.put("capability", capabilityCode(capability));
            o.put("capability_label", capability.label());
        }
        o.put("connection", connection);
        o.put("request", request);
        ArrayNode w = o.putArray("witnesses");
        witnesses.forEach(w::add);
        o.put("witnesses_enabled", !witnessesOff);
        if (!alternatives.isEmpty()) {
            ArrayNode a = o.putArray("alternatives");
            alternatives.forEach(c -> a.add(c.code()));
        }
        ArrayNode ev = o.putArray("evidence");
        for (Evidence e : evidence) {
            ObjectNode n = ev.addObject();
            n.put("connection", e.connection());
            n.put("role", e.role());
            n.put("method", e.method());
            n.put("path", Redactor.redact(e.path()));
            n.put("status", e.status());
            if (e.code() != null) {
                n.put("code", e.code());
            }
            n.put("finding", Redactor.redact(e.finding()));
        }
        return o;
    }

    /** Plain text for a support reply: verdict, numbered fix, evidence. Tokens masked. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(cause.code()).append(detail != null ? " (" + detail + ")" : "").append(", ").append(confidence.code())
                .append(": ").append(summary).append('\n');
        sb.append("Call: ").append(request).append(" as ").append(connection).append('\n');
        if (object != null) {
            sb.append("Object: ").append(object.describe()).append('\n');
        }
        if (capability != null) {
            sb.append("Capability to add: ").append(capability.label()).append('\n');
        }
        if (!fix.isEmpty()) {
            sb.append("\nFix:\n");
            for (int i = 0; i < fix.size(); i++) {
                sb.append(i + 1).append(". ").append(fix.get(i)).append('\n');
            }
        }
        if (!evidence.isEmpty()) {
            sb.append("\nEvidence:\n");
            evidence.forEach(e -> sb.append("- ").append(e.line()).append('\n'));
        }
        sb.append('\n').append(witnessesOff ? "Witnesses: off."
                : witnesses.isEmpty() ? "Witnesses: none (no other saved connection on this base URL)."
                : "Witnesses: " + String.join(", ", witnesses) + ".").append('\n');
        return Redactor.redact(sb.toString());
    }
}
