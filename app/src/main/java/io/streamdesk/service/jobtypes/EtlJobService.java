package io.streamdesk.service.jobtypes;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobType;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.jobtype.EtlSpec;
import io.streamdesk.model.jobtype.EtlSql;
import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.JobService;
import io.streamdesk.service.JobSqlContexts;
import io.streamdesk.service.port.JobFormStore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ETL jobs (J1): a source table and a sink table of the metadata catalog (M1), a field mapping and a filter, from which
 * the Flink SQL of the job is generated ({@link EtlSql}). The generated text is the draft's script: it is checked with
 * the normal check (E3) and frozen into the version like any SQL job's (V1), and it runs as SQL. The form is kept
 * beside it, for the draft and each version, so that the ETL page can reopen what a version was made from.
 */
public final class EtlJobService {
    private final JobService jobs;
    private final JobFormStore forms;
    private final JobSqlContexts contexts;

    public EtlJobService(JobService jobs, JobFormStore forms, JobSqlContexts contexts) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.forms = Objects.requireNonNull(forms, "forms");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    /** Registers the freeze of the form with the job service. */
    public EtlJobService attach() {
        jobs.addPublishListener(this::freeze);
        return this;
    }

    /** The tables a source or sink can be chosen from: the metadata catalog now. */
    public MetadataSnapshot catalog() {
        return contexts.standalone().catalog();
    }

    /** The columns of a catalog table, empty when it is not (or no longer) in the catalog. */
    public List<MetadataColumn> columns(EtlSpec.TableRef table) {
        return table == null ? List.of() : catalog().table(table.qualifiedName()).map(MetadataTable::columns)
                .orElse(List.of());
    }

    public EtlSpec draft(JobId id) {
        requireEtl(jobs.job(id));
        return forms.etlDraft(id).orElse(EtlSpec.empty());
    }

    public Optional<EtlSpec> version(JobId id, int number) {
        return forms.etlVersion(id, number);
    }

    /** The SQL the form makes, or what keeps it from making one. */
    public EtlSql.Generated generate(EtlSpec spec) {
        return EtlSql.generate(spec, columns(spec.source()).stream().map(MetadataColumn::name).toList());
    }

    /**
     * The generated SQL checked as the job's script (E3), with the job's context (the catalog's tables); the form's
     * own problems come first, at line 1.
     */
    public List<SqlProblem> check(JobId id, EtlSpec spec) {
        EtlSql.Generated generated = generate(spec);
        if (!generated.ok()) {
            return generated.problems().stream().map(p -> new SqlProblem(1, 1, p)).toList();
        }
        return jobs.check(id, generated.sql());
    }

    /**
     * Saves the form and, when it makes SQL, the generated SQL as the draft's script. An incomplete form is saved too
     * (the page reopens it); its draft script says what is missing and cannot be published.
     */
    public Draft save(JobId id, EtlSpec spec) {
        requireEtl(jobs.job(id));
        Objects.requireNonNull(spec, "spec");
        if (spec.mappings().size() > EtlSpec.MAX_MAPPINGS) {
            throw new InputRejectedException("Mapping: at most " + EtlSpec.MAX_MAPPINGS + " columns (got "
                    + spec.mappings().size() + ").");
        }
        EtlSql.Generated generated = generate(spec);
        forms.saveEtlDraft(id, spec);
        String sql = generated.ok() ? generated.sql() : incomplete(generated.problems());
        return jobs.saveDraft(id, sql);
    }

    /** The publish check of an ETL job: the saved form must make exactly the draft's SQL. Other types pass. */
    public void checkPublishable(JobId id, Draft draft) {
        if (jobs.job(id).type() != JobType.ETL) {
            return;
        }
        EtlSpec spec = forms.etlDraft(id).orElse(EtlSpec.empty());
        EtlSql.Generated generated = generate(spec);
        if (!generated.ok()) {
            throw new InputRejectedException(generated.problems().get(0));
        }
        if (!generated.sql().equals(draft.sql())) {
            throw new InputRejectedException("ETL job: the saved mapping makes other SQL than the draft (the catalog "
                    + "changed?); open the ETL form and save it again.");
        }
    }

    void freeze(JobVersion version) {
        Job job = jobs.job(version.jobId());
        if (job.type() != JobType.ETL) {
            return;
        }
        forms.etlDraft(job.id()).ifPresent(spec -> forms.freezeEtl(job.id(), version.number(), spec));
    }

    private static String incomplete(List<String> problems) {
        StringBuilder b = new StringBuilder("-- ETL job: the field mapping does not make SQL yet:\n");
        problems.forEach(p -> b.append("--   ").append(p.replace('\n', ' ')).append('\n'));
        return b.toString();
    }

    private static void requireEtl(Job job) {
        if (job.type() != JobType.ETL) {
            throw new InputRejectedException("Job " + job.id() + " is a " + job.type() + " job, not an ETL job.");
        }
    }
}
