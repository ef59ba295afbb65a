package dev.notionconsole.diagnostics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Who can read one object: every saved connection on one API base URL, whether it reads it, through which root
 * (the topmost ancestor on its readable path, where access enters, docs/explorer-diagnostics.md §1.4), and for the
 * others the cause and the page to add them to.
 *
 * @param object the object (title from whichever connection could read it), kind unknown when nobody could
 * @param rows   one per connection, in the order asked
 */
public record AccessMatrix(DiagnosedObject object, List<Row> rows, List<Evidence> evidence) {
    public AccessMatrix {
        rows = List.copyOf(rows);
        evidence = List.copyOf(evidence);
    }

    /**
     * @param connection its name
     * @param kind       internal, public_oauth or personal_access_token
     * @param readable   it reads the object
     * @param root       where its access enters (readable), or the page to add it to (not readable, when known), else null
     * @param cause      {@code none} when readable, else why not
     * @param why        one sentence
     */
    public record Row(String connection, String kind, boolean readable, DiagnosedObject root, Cause cause, String why) {
    }

    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        ObjectNode obj = o.putObject("object");
        obj.put("id", object.id());
        obj.put("kind", object.kind());
        if (object.title() != null) {
            obj.put("title", object.title());
        }
        ArrayNode rs = o.putArray("connections");
        for (Row r : rows) {
            ObjectNode n = rs.addObject();
            n.put("connection", r.connection());
            n.put("kind", r.kind());
            n.put("readable", r.readable());
            n.put("cause", r.cause().code());
            if (r.root() != null) {
                ObjectNode root = n.putObject(r.readable() ? "root" : "add_to");
                root.put("id", r.root().id());
                root.put("kind", r.root().kind());
                if (r.root().title() != null) {
                    root.put("title", r.root().title());
                }
            }
            n.put("why", r.why());
        }
        ArrayNode ev = o.putArray("evidence");
        evidence.forEach(e -> ev.add(e.line()));
        return o;
    }

    public String toText() {
        StringBuilder sb = new StringBuilder("Access to ").append(object.describe()).append('\n');
        for (Row r : rows) {
            sb.append(r.readable() ? "  reads     " : "  no access ").append(r.connection()).append(" (").append(r.kind()).append(")");
            if (r.root() != null) {
                sb.append(r.readable() ? " through " : ", add it to ").append(r.root().describe());
            }
            if (!r.readable()) {
                sb.append(": ").append(r.cause().code());
            }
            sb.append("\n      ").append(r.why()).append('\n');
        }
        return dev.notionconsole.core.Redactor.redact(sb.toString());
    }
}
