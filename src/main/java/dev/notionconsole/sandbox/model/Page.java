package dev.notionconsole.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** A page: a workspace-level page, a sub-page (of a page or a block), or a row of a data source. */
public final class Page extends Node {
    /** Property values keyed by property name, each in Notion's shape ({id, type, <type>: ...}). */
    private ObjectNode properties;
    private JsonNode icon;
    private JsonNode cover;
    private boolean locked;
    /** For a private workspace-level page: the only user who can see it. */
    private String privateTo;

    public Page(String id, Workspace workspace, ObjectNode properties) {
        super(id, workspace);
        this.properties = properties;
    }

    @Override
    public Kind kind() {
        return Kind.PAGE;
    }

    public ObjectNode properties() {
        return properties;
    }

    public void setProperties(ObjectNode properties) {
        this.properties = properties;
    }

    /** The data source this page is a row of, or null. */
    public DataSource dataSource() {
        return parent() instanceof DataSource ds ? ds : null;
    }

    public JsonNode icon() {
        return icon;
    }

    public void setIcon(JsonNode icon) {
        this.icon = icon;
    }

    public JsonNode cover() {
        return cover;
    }

    public void setCover(JsonNode cover) {
        this.cover = cover;
    }

    public boolean locked() {
        return locked;
    }

    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    public String privateTo() {
        return privateTo;
    }

    public void setPrivateTo(String userId) {
        this.privateTo = userId;
    }

    /** The name and value of the title property, or null. */
    public Map.Entry<String, JsonNode> titleProperty() {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if ("title".equals(e.getValue().path("type").asText())) {
                return e;
            }
        }
        return null;
    }

    @Override
    public String plainTitle() {
        Map.Entry<String, JsonNode> t = titleProperty();
        return t == null ? "" : RichText.plain(t.getValue().path("title"));
    }
}
