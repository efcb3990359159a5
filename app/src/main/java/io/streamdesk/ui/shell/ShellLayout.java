package io.streamdesk.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The nodes of the main window's frame, built in code rather than FXML: this is the only view on the start-up path,
 * and loading FXML there (the loader plus an XML parser) costs a visible part of the first frame (ADR 0002, docs/decisions/0002-shell-built-in-code.md). The
 * frame holds only light controls; the side bar's entries and the pages' tabs come from {@link Pages}, and the job
 * list is added once the data is open.
 */
final class ShellLayout {
    final BorderPane root = new BorderPane();
    final MenuItem newJobMenuItem = new MenuItem("New SQL job…");
    final MenuItem quitMenuItem = new MenuItem("Quit");
    final CheckMenuItem darkThemeMenuItem = new CheckMenuItem("Dark theme");
    final MenuItem shortcutsMenuItem = new MenuItem("Keyboard shortcuts");
    final CheckMenuItem resumeJobsMenuItem = new CheckMenuItem("Resume jobs after a cluster restart");
    final VBox navigation = new VBox();
    final ToggleGroup navigationGroup = new ToggleGroup();
    final TabPane mainTabs = new TabPane();
    final VBox openingData = new VBox(12);
    final Label openingDataLabel = new Label();
    final Region clusterDot = new Region();
    final Label clusterStatus = new Label();
    final Button clusterActionButton = new Button();
    final Label backgroundLabel = new Label();
    /** The latest persistent failure of background work; hidden when there is none. */
    final Label problemsLabel = new Label();
    final ProgressBar backgroundProgress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);

    ShellLayout() {
        root.getStyleClass().add("shell");
        root.setPrefSize(1280, 800);
        root.setTop(menuBar());
        root.setLeft(navigation());
        root.setCenter(workArea());
        root.setBottom(statusBar());
    }

    private MenuBar menuBar() {
        newJobMenuItem.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        quitMenuItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        Menu file = new Menu("_File", null, newJobMenuItem, new SeparatorMenuItem(), quitMenuItem);
        darkThemeMenuItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+L"));
        Menu view = new Menu("_View", null, darkThemeMenuItem);
        // the job page's shortcuts, listed so they can be found; they act on the job tab in front
        Menu job = new Menu("_Job");
        for (String entry : new String[] {"Save (Ctrl+S)", "Check SQL (F9)", "Publish (Ctrl+Shift+P)",
                "Run (Ctrl+R, F5)", "Stop (Ctrl+Shift+S)", "Find / Replace (Ctrl+F / Ctrl+H)", "Toggle comment (Ctrl+/)",
                "Format SQL (Ctrl+Shift+F)", "Create copy / batch Run, Stop, Log level: right-click in the job list"}) {
            MenuItem item = new MenuItem(entry);
            item.setDisable(true);
            job.getItems().add(item);
        }
        shortcutsMenuItem.setId("shortcutsMenuItem");
        shortcutsMenuItem.setAccelerator(KeyCombination.keyCombination("F1"));
        Menu help = new Menu("_Help", null, shortcutsMenuItem);
        resumeJobsMenuItem.setId("resumeJobsMenuItem");
        Menu clusters = new Menu("_Clusters", null, resumeJobsMenuItem);
        MenuBar bar = new MenuBar(file, view, job, clusters, help);
        bar.setId("menuBar");
        return bar;
    }

    private VBox navigation() {
        navigation.setId("navigation");
        navigation.getStyleClass().add("navigation");
        navigation.setPrefWidth(165); // "Dependencies" in full at the default font
        navigation.setMinWidth(120);
        return navigation;
    }

    /** A navigation entry: a toggle in the side bar; the first one added is selected. */
    ToggleButton addNavigationEntry(String id, String title) {
        ToggleButton entry = new ToggleButton(title);
        entry.setId(id);
        entry.getStyleClass().add("navigation-entry");
        entry.setMaxWidth(Double.MAX_VALUE);
        entry.setAlignment(Pos.CENTER_LEFT);
        entry.setToggleGroup(navigationGroup);
        if (navigationGroup.getSelectedToggle() == null) {
            entry.setSelected(true);
        }
        navigation.getChildren().add(entry);
        return entry;
    }

    private StackPane workArea() {
        mainTabs.setId("mainTabs");
        mainTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        openingData.setId("openingData");
        openingData.getStyleClass().add("opening-data");
        openingData.setAlignment(Pos.CENTER);
        openingDataLabel.setId("openingDataLabel");
        openingDataLabel.getStyleClass().add("opening-text");
        openingDataLabel.setWrapText(true);
        openingData.getChildren().add(openingDataLabel);
        return new StackPane(mainTabs, openingData);
    }

    private HBox statusBar() {
        clusterDot.getStyleClass().add("status-dot");
        clusterStatus.setId("clusterStatus");
        clusterActionButton.setId("clusterActionButton");
        clusterActionButton.getStyleClass().add("small");
        backgroundLabel.setId("backgroundLabel");
        backgroundLabel.getStyleClass().add("muted");
        backgroundProgress.setId("backgroundProgress");
        backgroundProgress.setPrefWidth(120);
        problemsLabel.setId("backgroundProblems");
        problemsLabel.getStyleClass().add("danger");
        problemsLabel.setMaxWidth(480);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, clusterDot, clusterStatus, clusterActionButton, spacer, problemsLabel, backgroundLabel,
                backgroundProgress);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
