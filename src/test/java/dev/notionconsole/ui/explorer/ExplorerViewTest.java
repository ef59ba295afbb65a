package dev.notionconsole.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.core.AppDirs;
import dev.notionconsole.explorer.MapNode;
import dev.notionconsole.ui.AppContext;
import dev.notionconsole.ui.OnFx;
import dev.notionconsole.ui.request.IdField;
import dev.notionconsole.ui.request.RequestView;
import dev.notionconsole.ui.shell.MainWindowView;
import dev.notionconsole.ui.shell.MainWindowViewModel;
import dev.notionconsole.ui.shell.SectionSlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Explorer inside the real main window (the app's own composition root and its in-process sandbox), driven
 * headlessly: Ctrl+3, map the default connection, expand, filter, select, and "Open as request" landing in the
 * Request section with the route and the ID filled in.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerViewTest {
    private AppContext context;
    private MainWindowViewModel window;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("nc-explorer-view");
        context = new AppContext(new AppDirs(home), Map.of());
        window = context.mainWindowViewModel();
        new MainWindowView(window, context.dialogs(), context.notificationLayer()).install(stage);
        context.attach(stage);
        stage.setWidth(1240);
        stage.setHeight(780);
        stage.show();
    }

    @Stop
    void stop() {
        window.dispose();
        context.close();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return OnFx.call(c, 20);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
    }

    private ExplorerViewModel vm(FxRobot robot) {
        return robot.lookup("#explorerView").queryAs(ExplorerView.class).viewModel();
    }

    /** Ctrl+3 to the Explorer, then Map the default connection and wait for the map. */
    private ExplorerViewModel openAndMap(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#explorerView").tryQuery().isPresent());
        robot.clickOn("#mapButton");
        ExplorerViewModel vm = vm(robot);
        waitFor(() -> vm.mapProperty().get() != null);
        return vm;
    }

    @SuppressWarnings("unchecked")
    private TreeView<TreeRow> tree(FxRobot robot) {
        return robot.lookup("#explorerTree").queryAs(TreeView.class);
    }

    @Test
    void mapExpandFilterSelectAndOpenAsRequest(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#explorerView").tryQuery().isPresent());
        assertEquals(SectionSlot.EXPLORER, window.getSelected());
        robot.clickOn("#mapButton");
        ExplorerViewModel vm = vm(robot);
        waitFor(() -> vm.mapProperty().get() != null);
        assertTrue(fx(() -> robot.lookup("#mapStatus").queryAs(Label.class).getText()).contains("sharing root"));
        TreeView<TreeRow> tree = tree(robot);
        waitFor(() -> tree.getExpandedItemCount() > 0);

        // expand the first top-level node with the keyboard: its children show
        robot.clickOn("#explorerTree");
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.RIGHT);
        waitFor(() -> tree.getRoot().getChildren().get(0).isExpanded());
        TreeItem<TreeRow> first = fx(() -> tree.getRoot().getChildren().get(0));
        String firstId = first.getValue().id();
        waitFor(() -> vm.tree().lazy(firstId) == null); // block children (if any) finished loading
        waitFor(() -> tree.getExpandedItemCount() > tree.getRoot().getChildren().size());
        // filter what is loaded: a page below the top stays in the tree with its ancestors, others go
        MapNode deep = fx(() -> vm.tree().nodes().stream().filter(n -> !n.placeholder() && !n.title().isBlank()
                && vm.tree().pathTo(n.id()).size() > 1).findFirst().orElseThrow());
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write(deep.title());
        waitFor(() -> robot.lookup("#filterSummary").queryAs(Label.class).getText().contains("loaded objects match"));
        waitFor(() -> vm.tree().filtered());
        assertTrue(fx(() -> rowIds(tree).contains(deep.id())), "the match is shown, its ancestors expanded");
        // select it: the details pane shows its ID and why it is visible
        fx(() -> {
            robot.lookup("#explorerView").queryAs(ExplorerView.class).reveal(deep.id());
            return null;
        });
        waitFor(() -> deep.id().equals(vm.selection().selectedProperty().get()));
        assertEquals(deep.title(), fx(() -> robot.lookup("#detailsTitle").queryAs(Label.class).getText()));
        assertTrue(fx(() -> robot.lookup("#detailsWhy").queryAs(Label.class).getText()).contains("shared with the connection"));
        // open as request: the Request section, the route of its kind, the ID in its field
        robot.clickOn("#openAsRequestButton");
        waitFor(() -> window.getSelected() == SectionSlot.REQUEST);
        RequestView request = robot.lookup("#section-request .request-view").queryAs(RequestView.class);
        String expectedTemplate = switch (deep.object()) {
            case "database" -> "/v1/databases/{database_id}";
            case "data_source" -> "/v1/data_sources/{data_source_id}";
            default -> "/v1/pages/{page_id}";
        };
        waitFor(() -> request.viewModel().pathProperty().get().equals(expectedTemplate));
        assertEquals("GET", fx(() -> request.viewModel().methodProperty().get()));
        IdField id = fx(() -> request.viewModel().pathParams().get(0));
        assertEquals(deep.id(), fx(id::getValue));
        assertEquals(expectedTemplate, fx(() -> robot.lookup("#pathField").queryAs(TextField.class).getText()));
    }

    @Test
    void anObjectHandedOverFromDiagnosticsIsSelectedOrFilteredFor(FxRobot robot) throws Exception {
        ExplorerViewModel vm = openAndMap(robot);
        ExplorerView view = robot.lookup("#explorerView").queryAs(ExplorerView.class);
        MapNode deep = fx(() -> vm.tree().nodes().stream().filter(n -> !n.placeholder() && !n.title().isBlank()
                && vm.tree().pathTo(n.id()).size() > 1).findFirst().orElseThrow());
        fx(() -> {
            view.show(new dev.notionconsole.ui.common.ObjectRef("any", deep.object(), deep.id(), deep.title(), null));
            return null;
        });
        waitFor(() -> deep.id().equals(vm.selection().selectedProperty().get()));
        assertEquals("", fx(() -> vm.filter().filterTextProperty().get() == null ? "" : vm.filter().filterTextProperty().get()),
                "a mapped object is selected, not filtered for");
        String notInMap = "0f1e2d3c-4b5a-4968-8776-655443322110";
        fx(() -> {
            view.show(new dev.notionconsole.ui.common.ObjectRef("any", "page", notInMap, null, null));
            return null;
        });
        assertEquals(notInMap, fx(() -> vm.filter().filterTextProperty().get()), "an object the map lacks goes into the filter");
    }

    @Test
    void rowsShowTheirBadgesAndEmptiedRowsShowNothing(FxRobot robot) throws Exception {
        ExplorerViewModel vm = openAndMap(robot);
        TreeView<TreeRow> tree = tree(robot);
        waitFor(() -> tree.getExpandedItemCount() > 0);
        fx(() -> {
            tree.getRoot().getChildren().forEach(t -> t.setExpanded(true));
            return null;
        });
        waitFor(() -> tree.getExpandedItemCount() > 3);
        // the sharing root's row: kind chip, title, the root badge and its child count, said as one line
        MapNode root = fx(() -> vm.tree().nodes().stream().filter(MapNode::isRoot).findFirst().orElseThrow());
        // once the expanded nodes' lazy children are in, the row shows the node's child count as the tree has it
        waitFor(() -> vm.tree().nodes().stream().allMatch(n -> vm.tree().lazy(n.id()) == null));
        waitFor(() -> cell(robot, root.id()) != null && texts(cell(robot, root.id()), ".node-count")
                .equals(java.util.List.of(String.format("%,d", vm.tree().childCount(root.id())))));
        // read in one go on the JavaFX thread: a pulse may hand the row to another cell between two reads
        java.util.List<Object> seen = fx(() -> {
            NodeCell c = cell(robot, root.id());
            return java.util.List.of(texts(c, ".badge-text"), texts(c, ".node-title"), texts(c, ".node-count"), c.getAccessibleText(),
                    String.format("%,d", vm.tree().childCount(root.id())));
        });
        java.util.List<String> badges = Badge.of(root).stream().map(Badge::label).toList();
        String count = (String) seen.get(4);
        assertEquals(java.util.List.of(badges, java.util.List.of(root.title()), java.util.List.of(count)), seen.subList(0, 3));
        String said = (String) seen.get(3);
        assertTrue(said.startsWith(root.title() + ", " + badges.get(0)) && said.contains(Badge.SHARING_ROOT.label())
                && said.contains(count + " children"), said);
        // fewer rows (grouped by root, collapsed): the cells left empty show no text and no arrow
        int before = fx(tree::getExpandedItemCount);
        robot.clickOn("#groupByRoot");
        waitFor(() -> tree.getExpandedItemCount() < before);
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            for (NodeCell c : robot.lookup(".explorer-cell").queryAllAs(NodeCell.class)) {
                if (c.isVisible() && c.isEmpty()) {
                    assertTrue(c.lookupAll(".node-title").stream().noneMatch(javafx.scene.Node::isVisible)
                            || c.getGraphic() == null || !c.getGraphic().isVisible(), "an empty row shows a title");
                    assertTrue(c.getDisclosureNode() == null || !c.getDisclosureNode().isVisible()
                            || c.getDisclosureNode().getParent() == null, "an empty row shows an arrow");
                }
            }
            return null;
        });
    }

    private static NodeCell cell(FxRobot robot, String id) {
        return robot.lookup(".explorer-cell").queryAllAs(NodeCell.class).stream()
                .filter(c -> c.isVisible() && !c.isEmpty() && c.getItem() != null && c.getItem().type() == TreeRow.Type.NODE
                        && id.equals(c.getItem().id()))
                .findFirst().orElse(null);
    }

    /** The texts of the visible Text nodes of a style class in a cell, in reading order. */
    private static java.util.List<String> texts(NodeCell cell, String selector) {
        return cell.lookupAll(selector).stream().filter(n -> n.isVisible() && n.getParent().isVisible())
                .map(n -> ((javafx.scene.text.Text) n).getText()).filter(t -> !t.isEmpty()).toList();
    }

    private static java.util.List<String> rowIds(TreeView<TreeRow> tree) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            TreeItem<TreeRow> item = tree.getTreeItem(i);
            if (item != null && item.getValue() != null) {
                out.add(item.getValue().id());
            }
        }
        return out;
    }
}
