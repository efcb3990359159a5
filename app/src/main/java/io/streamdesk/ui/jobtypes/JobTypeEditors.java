package io.streamdesk.ui.jobtypes;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobType;
import io.streamdesk.service.Services;
import io.streamdesk.ui.job.JobTabContext;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The Editor tab of a job page by the job's type (J1): the SQL editor for a SQL job, the JAR form for a JAR job, the
 * ETL form for an ETL job. The page is made before the job is read, so the tab starts with the SQL editor and swaps
 * once the job's type is known; the form then takes the page's Save, Check and Publish.
 */
public final class JobTypeEditors {
    private JobTypeEditors() {
    }

    public static Node editorFor(JobTabContext c) {
        StackPane holder = new StackPane(c.page().editor().root());
        holder.setId("jobEditorHolder");
        boolean[] done = {false};
        Runnable apply = () -> {
            Job job = c.viewModel().jobProperty().get();
            Services services = c.services() == null ? null : c.services().get();
            if (done[0] || job == null || services == null) {
                return;
            }
            done[0] = true;
            if (job.type() == JobType.JAR) {
                JarJobViewModel vm = new JarJobViewModel(c.jobId(), services.jarJobs(), c.ctx());
                holder.getChildren().setAll(new JarJobView(vm).root());
                c.viewModel().useForm(vm);
                vm.load();
            } else if (job.type() == JobType.ETL) {
                EtlJobViewModel vm = new EtlJobViewModel(c.jobId(), services.etlJobs(), c.ctx());
                holder.getChildren().setAll(new EtlJobView(vm).root());
                c.viewModel().useForm(vm);
                vm.load();
            }
        };
        c.viewModel().jobProperty().addListener((o, a, b) -> apply.run());
        apply.run();
        return holder;
    }
}
