package dev.notionconsole.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

/**
 * The graphic of a node's row in the Explorer tree: kind chip, title, the other badges' chips and the child count,
 * in one line. Plain {@link Text} nodes and chip {@link Region}s laid out here, no {@code Label}s: a label brings a
 * skin, an inner text node and the theme's sixty {@code .label} rules to match, and the first CSS pass over a
 * screenful of new rows was the tree's longest JavaFX-thread stall (docs/decisions/0180). A cell keeps one of these
 * for its life and re-texts it; chips it no longer needs are hidden, not removed, so nothing is re-matched.
 */
final class RowGraphic extends Region {
    private static final double GAP = 6;
    private static final double BADGE_GAP = 4;
    private static final PseudoClass UNREADABLE = PseudoClass.getPseudoClass("unreadable");
    private static final PseudoClass TRASHED = PseudoClass.getPseudoClass("trashed");

    private final Chip kind = new Chip();
    private final Text title = text("node-title");
    private final List<Chip> badges = new ArrayList<>(2);
    private final Text count = text("node-count");
    private int shown;

    RowGraphic() {
        getStyleClass().add("node-row");
        getChildren().addAll(kind, title, count);
    }

    /** Shows a node: {@code all} is {@link Badge#of}, kind first; {@code count} its children, 0 shows none. */
    void show(List<Badge> all, String titleText, boolean unreadable, boolean trashed, int childCount) {
        kind.show(all.get(0));
        title.setText(titleText);
        title.pseudoClassStateChanged(UNREADABLE, unreadable);
        title.pseudoClassStateChanged(TRASHED, trashed);
        shown = all.size() - 1;
        while (badges.size() < shown) {
            Chip c = new Chip();
            badges.add(c);
            getChildren().add(getChildren().size() - 1, c); // before the count, in reading order
        }
        for (int i = 0; i < badges.size(); i++) {
            Chip c = badges.get(i);
            c.setVisible(i < shown);
            if (i < shown) {
                c.show(all.get(i + 1));
            }
        }
        count.setText(childCount == 0 ? "" : String.format("%,d", childCount));
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = width(kind) + GAP + width(title);
        for (int i = 0; i < shown; i++) {
            w += (i == 0 ? GAP : BADGE_GAP) + width(badges.get(i));
        }
        if (!count.getText().isEmpty()) {
            w += countGap() + width(count);
        }
        return snappedLeftInset() + w + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double h = Math.max(height(kind), height(title));
        for (int i = 0; i < shown; i++) {
            h = Math.max(h, height(badges.get(i)));
        }
        return snappedTopInset() + h + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double top = snappedTopInset();
        double h = getHeight() - top - snappedBottomInset();
        double x = place(kind, snappedLeftInset(), top, h) + GAP;
        x = place(title, x, top, h);
        for (int i = 0; i < shown; i++) {
            x = place(badges.get(i), x + (i == 0 ? GAP : BADGE_GAP), top, h);
        }
        place(count, x + countGap(), top, h);
    }

    /** As the rows were before they were drawn here: further from a bare title than from the last badge. */
    private double countGap() {
        return shown == 0 ? 2 * GAP : GAP;
    }

    /** Places a child at {@code x}, centred in the line; returns where it ends. */
    private double place(Node n, double x, double top, double h) {
        double w = width(n);
        double nh = height(n);
        n.resize(w, nh);
        n.relocate(snapPositionX(x), snapPositionY(top + (h - nh) / 2));
        return x + w;
    }

    private double width(Node n) {
        return snapSizeX(n.prefWidth(-1));
    }

    private double height(Node n) {
        return snapSizeY(n.prefHeight(-1));
    }

    private static Text text(String styleClass) {
        Text t = new Text();
        t.getStyleClass().add(styleClass);
        t.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER); // as the theme sets it for labels' text
        return t;
    }

    /** A badge: a rounded background ({@code .badge .badge-<style>} in explorer.css) around its text. */
    static final class Chip extends Region {
        private final Text text = text("badge-text");
        private String style;

        Chip() {
            getStyleClass().add("badge");
            getChildren().add(text);
        }

        void show(Badge b) {
            text.setText(b.label());
            String s = "badge-" + b.style();
            if (!s.equals(style)) { // a changed class re-matches the chip against every stylesheet: only when it changes
                if (style == null) {
                    getStyleClass().add(s);
                } else {
                    getStyleClass().set(1, s);
                }
                style = s;
            }
        }

        String label() {
            return text.getText();
        }

        @Override
        protected double computePrefWidth(double height) {
            return snappedLeftInset() + snapSizeX(text.prefWidth(-1)) + snappedRightInset();
        }

        @Override
        protected double computePrefHeight(double width) {
            return snappedTopInset() + snapSizeY(text.prefHeight(-1)) + snappedBottomInset();
        }

        @Override
        protected void layoutChildren() {
            text.relocate(snappedLeftInset(), snappedTopInset());
        }
    }
}
