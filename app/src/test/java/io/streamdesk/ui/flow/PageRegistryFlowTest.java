package io.streamdesk.ui.flow;

import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.job.JobTab;
import io.streamdesk.ui.shell.Page;
import io.streamdesk.ui.shell.Pages;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The side bar and a job page's tabs are exactly what the page registry lists, and each entry opens its pane. */
@ExtendWith(ApplicationExtension.class)
class PageRegistryFlowTest {
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;

    @Start
    void start(Stage stage) {
        shell = new ShellHarness(stage, services, false, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void everyNavigationEntryOpensItsPageOnce(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#jobsTable").tryQuery().isPresent());
        TabPane mainTabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        for (Page page : Pages.navigation()) {
            ToggleButton entry = robot.lookup("#" + page.entryId()).queryAs(ToggleButton.class);
            assertThat(entry.getText()).isEqualTo(page.title());
            assertThat(entry.getGraphic()).as("icon of %s once the data is open", page.id()).isNotNull();
            robot.clickOn(entry);
            WaitForAsyncUtils.waitForFxEvents();
            Tab selected = mainTabs.getSelectionModel().getSelectedItem();
            assertThat(selected.getId()).isEqualTo(page.tabId());
            assertThat(selected.getContent()).as("content of %s", page.id()).isNotNull();
            assertThat(selected.isClosable()).isEqualTo(page.closable());
        }
        // a second click selects the open tab instead of adding another
        robot.clickOn("#" + Pages.OVERVIEW.entryId());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mainTabs.getTabs().stream().map(Tab::getId))
                .containsExactlyElementsOf(Pages.navigation().stream().map(Page::tabId).toList());
    }

    @Test
    void aJobPageHasTheRegisteredTabsInOrderAndBuildsTheLazyOnesWhenShown(FxRobot robot) throws Exception {
        services.jobs().createSqlJob("registry", "/");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("registry").tryQuery().isPresent());
        robot.doubleClickOn("registry");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#jobTabs").tryQuery().isPresent());
        TabPane jobTabs = robot.lookup("#jobTabs").queryAs(TabPane.class);
        List<JobTab> registered = Pages.jobTabs();
        assertThat(jobTabs.getTabs().stream().map(Tab::getId))
                .containsExactlyElementsOf(registered.stream().map(JobTab::id).toList());
        for (JobTab spec : registered) {
            Tab tab = jobTabs.getTabs().stream().filter(t -> spec.id().equals(t.getId())).findFirst().orElseThrow();
            assertThat(tab.getText()).isEqualTo(spec.title());
            assertThat(tab.getContent() != null).as("%s built before it is shown", spec.id())
                    .isEqualTo(spec.build() == JobTab.Build.WITH_PAGE);
            robot.interact(() -> jobTabs.getSelectionModel().select(tab));
            assertThat(tab.getContent()).as("%s once shown", spec.id()).isNotNull();
        }
    }
}
